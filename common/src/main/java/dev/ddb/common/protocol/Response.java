package dev.ddb.common.protocol;

import java.util.concurrent.ThreadLocalRandom;

/** A response ready for the wire: status, body, and the headers DynamoDB always sends. */
public record Response(int status, byte[] body, String requestId, String crc32) {

    public static Response of(int status, byte[] body) {
        return new Response(status, body, newRequestId(), AwsJsonProtocol.crc32(body));
    }

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    /** DynamoDB's request ids are 52 upper-case alphanumerics; unique enough, and cheaper than a SecureRandom per request. */
    public static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[52];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
