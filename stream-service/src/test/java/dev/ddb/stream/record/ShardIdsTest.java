package dev.ddb.stream.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.support.Streams;

class ShardIdsTest {

    private final Stream stream = Streams.stream("Music", "2026-11-25T10:37:34.123", "KEYS_ONLY", 12);

    @Test
    void haveDynamoDbsShapeAndLength() {
        assertThat(ShardIds.of(stream, 10)).isEqualTo("shardId-00000001795603054123-0000000a").hasSizeBetween(28, 65);
    }

    @Test
    void sortInShardOrderAndReadBack() {
        assertThat(ShardIds.of(stream, 9)).isLessThan(ShardIds.of(stream, 10));
        assertThat(ShardIds.shardOf(stream, ShardIds.of(stream, 11))).hasValue(11);
    }

    @Test
    void shardsOfOtherStreamsOrBeyondTheStreamAreNotFound() {
        Stream older = Streams.stream("Music", "2026-11-25T10:37:34.000", "KEYS_ONLY", 12);
        assertThat(ShardIds.shardOf(stream, ShardIds.of(older, 1))).isEmpty();
        assertThat(ShardIds.shardOf(stream, "shardId-00000001795603054123-0000000c")).isEmpty();
        assertThat(ShardIds.shardOf(stream, "shardId-garbage")).isEmpty();
        assertThat(ShardIds.shardOf(stream, null)).isEmpty();
    }
}
