package dev.ddb.stream.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import dev.ddb.stream.kafka.StreamTopics;

class OutputOffsetsTest {

    private final TopicPartition p0 = new TopicPartition("ddb.stream.Music", 0);
    private final TopicPartition p1 = new TopicPartition("ddb.stream.Music", 1);
    private final List<TopicPartition> asked = new ArrayList<>();
    private final OutputOffsets offsets = new OutputOffsets(new StreamTopics() {
        @Override
        public List<Long> prepare(String tableName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long endOffset(TopicPartition partition) {
            asked.add(partition);
            return partition.partition() == 0 ? 10 : 0;
        }
    });

    @Test
    void recordsOfATransactionTakeConsecutiveOffsetsFromTheEnd() {
        assertThat(offsets.reserve(p0)).isEqualTo(10);
        assertThat(offsets.reserve(p0)).isEqualTo(11);
        assertThat(offsets.reserve(p1)).isEqualTo(0);
        assertThat(asked).containsExactly(p0, p1);
    }

    @Test
    void eachCommitAddsAMarkerToThePartitionsItWrote() {
        offsets.reserve(p0);
        offsets.reserve(p1);
        offsets.committed();
        assertThat(offsets.reserve(p0)).isEqualTo(12);
        offsets.committed();
        assertThat(offsets.reserve(p1)).isEqualTo(2);
        assertThat(offsets.reserve(p0)).isEqualTo(14);
        assertThat(asked).hasSize(2);
    }
}
