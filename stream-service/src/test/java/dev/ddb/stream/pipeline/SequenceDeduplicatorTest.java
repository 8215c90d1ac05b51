package dev.ddb.stream.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

class SequenceDeduplicatorTest {

    private final SequenceDeduplicator deduplicator = new SequenceDeduplicator();

    @Test
    void relayRepeatsOfAPartitionAreDropped() {
        assertThat(deduplicator.firstTime(0, 5)).isTrue();
        assertThat(deduplicator.firstTime(0, 7)).isTrue();
        // the relay sent 5..7 again after a crash between Kafka's ack and the outbox delete
        assertThat(deduplicator.firstTime(0, 5)).isFalse();
        assertThat(deduplicator.firstTime(0, 7)).isFalse();
        assertThat(deduplicator.firstTime(0, 8)).isTrue();
    }

    @Test
    void partitionsAreIndependent() {
        deduplicator.firstTime(0, 9);
        assertThat(deduplicator.firstTime(1, 3)).isTrue();
    }

    @Test
    void lastSequenceTravelsInTheCommittedOffsetsMetadata() {
        deduplicator.firstTime(2, 41);
        String metadata = deduplicator.metadata(2);

        SequenceDeduplicator restarted = new SequenceDeduplicator();
        restarted.restore(2, new OffsetAndMetadata(100, metadata));

        assertThat(restarted.firstTime(2, 41)).isFalse();
        assertThat(restarted.firstTime(2, 42)).isTrue();
    }

    @Test
    void partitionNeverCommittedAcceptsEverything() {
        deduplicator.restore(3, null);
        assertThat(deduplicator.metadata(3)).isEmpty();
        assertThat(deduplicator.firstTime(3, 0)).isTrue();
    }
}
