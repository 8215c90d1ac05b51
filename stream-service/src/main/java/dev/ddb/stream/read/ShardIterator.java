package dev.ddb.stream.read;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import dev.ddb.stream.registry.StreamArn;

/**
 * A position in a shard, handed to the caller as text shaped like DynamoDB's:
 * {@code <StreamArn>|1|<opaque>}. The opaque part holds the shard, the offset to read next and
 * when the iterator was issued (iterators expire).
 */
public record ShardIterator(String streamArn, int shard, long offset, long issuedMillis) {

    private static final String VERSION = "1";

    public String encode() {
        String position = shard + ":" + offset + ":" + issuedMillis;
        return streamArn + "|" + VERSION + "|"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty when the text is not an iterator this service issued. */
    public static Optional<ShardIterator> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int opaque = text.lastIndexOf('|');
        int version = opaque < 0 ? -1 : text.lastIndexOf('|', opaque - 1);
        if (version < 0 || !VERSION.equals(text.substring(version + 1, opaque))) {
            return Optional.empty();
        }
        String arn = text.substring(0, version);
        if (StreamArn.parse(arn).isEmpty()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.substring(opaque + 1)), StandardCharsets.UTF_8)
                    .split(":");
            if (parts.length != 3) {
                return Optional.empty();
            }
            int shard = Integer.parseInt(parts[0]);
            long offset = Long.parseLong(parts[1]);
            if (shard < 0 || offset < 0) {
                return Optional.empty();
            }
            return Optional.of(new ShardIterator(arn, shard, offset, Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public ShardIterator at(long nextOffset, long nowMillis) {
        return new ShardIterator(streamArn, shard, nextOffset, nowMillis);
    }
}
