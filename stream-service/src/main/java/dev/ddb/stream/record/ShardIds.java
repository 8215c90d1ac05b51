package dev.ddb.stream.record;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ddb.stream.registry.Stream;

/**
 * Shard ids in DynamoDB's shape, {@code shardId-<20 digits>-<8 hex>}: the stream's creation time
 * in milliseconds and the shard's partition number. Ids of one stream sort in partition order and
 * never match another stream's shards.
 */
public final class ShardIds {

    private static final Pattern FORMAT = Pattern.compile("shardId-(\\d{20})-([0-9a-f]{8})");

    private ShardIds() {
    }

    public static String of(Stream stream, int shard) {
        return String.format("shardId-%020d-%08x", stream.creationMillis(), shard);
    }

    /** The shard (partition) a shard id names in this stream; empty when it names none. */
    public static OptionalInt shardOf(Stream stream, String shardId) {
        Matcher matcher = shardId == null ? null : FORMAT.matcher(shardId);
        if (matcher == null || !matcher.matches() || Long.parseLong(matcher.group(1)) != stream.creationMillis()) {
            return OptionalInt.empty();
        }
        long shard = Long.parseLong(matcher.group(2), 16);
        return shard < stream.shardCount() ? OptionalInt.of((int) shard) : OptionalInt.empty();
    }
}
