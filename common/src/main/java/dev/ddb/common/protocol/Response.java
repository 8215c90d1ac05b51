package dev.ddb.common.protocol;

import java.util.UUID;

/** A response ready for the wire: status, body, and the headers DynamoDB always sends. */
public record Response(int status, byte[] body, String requestId, String crc32) {

    public static Response of(int status, byte[] body) {
        return new Response(status, body, newRequestId(), AwsJsonProtocol.crc32(body));
    }

    /** DynamoDB's request ids are 52 upper-case alphanumerics. */
    public static String newRequestId() {
        String a = UUID.randomUUID().toString().replace("-", "");
        String b = UUID.randomUUID().toString().replace("-", "");
        return (a + b).substring(0, 52).toUpperCase();
    }
}
