package dev.ddb.item.storage;

import java.nio.ByteBuffer;

/**
 * A TransactWriteItems ClientRequestToken that was used: the digest of the request it came with
 * and when, stored in the commit of the transaction's writes so a retry after a restart is still
 * recognized.
 */
public record ClientRequestToken(String token, byte[] requestDigest, long usedAtMillis) {

    byte[] encode() {
        return ByteBuffer.allocate(Long.BYTES + requestDigest.length).putLong(usedAtMillis).put(requestDigest).array();
    }

    static ClientRequestToken decode(String token, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long usedAt = buffer.getLong();
        byte[] digest = new byte[buffer.remaining()];
        buffer.get(digest);
        return new ClientRequestToken(token, digest, usedAt);
    }
}
