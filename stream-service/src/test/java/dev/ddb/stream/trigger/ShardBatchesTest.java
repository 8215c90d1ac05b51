package dev.ddb.stream.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import dev.ddb.stream.pattern.EventPattern;
import dev.ddb.stream.record.StreamRecords;

class ShardBatchesTest {

    private static final String STREAM = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/2026-01-01T00:00:00.000";
    private static final String OLD_STREAM = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/2025-01-01T00:00:00.000";

    private static ConsumerRecord<byte[], byte[]> record(long offset, String stream, String eventName) {
        String json = "{\"eventID\":\"e" + offset + "\",\"eventName\":\"" + eventName + "\",\"eventVersion\":\"1.1\","
                + "\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{\"SequenceNumber\":\"1000"
                + offset + "\",\"Keys\":{\"pk\":{\"S\":\"a\"}}}}";
        RecordHeaders headers = new RecordHeaders(List.of(new RecordHeader(StreamRecords.STREAM_ARN_HEADER,
                stream.getBytes(StandardCharsets.UTF_8))));
        return new ConsumerRecord<>("ddb.stream.Orders", 2, offset, 5_000L + offset, TimestampType.CREATE_TIME, -1, -1,
                "a".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    @Test
    void aBatchTakesAtMostBatchSizeRecordsAndAddsTheStreamArn() {
        Deque<ConsumerRecord<byte[], byte[]>> read = new ArrayDeque<>();
        for (long offset = 0; offset < 5; offset++) {
            read.add(record(offset, STREAM, "INSERT"));
        }
        ShardBatches batches = new ShardBatches(STREAM, 3, List.of());
        StreamBatch first = batches.next(2, read);
        assertThat(first.records()).extracting(StreamBatch.Entry::offset).containsExactly(0L, 1L, 2L);
        assertThat(first.endOffset()).isEqualTo(3);
        assertThat(first.records().get(0).record().get("eventSourceARN").stringValue()).isEqualTo(STREAM);
        assertThat(first.records().get(0).sequenceNumber()).isEqualTo("10000");
        assertThat(first.records().get(0).arrivalMillis()).isEqualTo(5_000L);
        StreamBatch second = batches.next(2, read);
        assertThat(second.records()).extracting(StreamBatch.Entry::offset).containsExactly(3L, 4L);
        assertThat(second.endOffset()).isEqualTo(5);
        assertThat(read).isEmpty();
    }

    @Test
    void recordsOfOtherStreamsAndRecordsNoFilterMatchesAreSkippedButCounted() {
        Deque<ConsumerRecord<byte[], byte[]>> read = new ArrayDeque<>(List.of(record(0, OLD_STREAM, "INSERT"),
                record(1, STREAM, "MODIFY"), record(2, STREAM, "INSERT"), record(3, STREAM, "REMOVE")));
        ShardBatches batches = new ShardBatches(STREAM, 10,
                List.of(EventPattern.parse("{\"eventName\": [\"INSERT\", \"REMOVE\"]}")));
        StreamBatch batch = batches.next(2, read);
        assertThat(batch.records()).extracting(StreamBatch.Entry::offset).containsExactly(2L, 3L);
        assertThat(batch.endOffset()).isEqualTo(4);
    }

    @Test
    void aBatchOfOnlyFilteredRecordsIsEmptyAndStillMovesOn() {
        Deque<ConsumerRecord<byte[], byte[]>> read = new ArrayDeque<>(List.of(record(7, STREAM, "MODIFY")));
        StreamBatch batch = new ShardBatches(STREAM, 10, List.of(EventPattern.parse("{\"eventName\": [\"INSERT\"]}")))
                .next(2, read);
        assertThat(batch.size()).isZero();
        assertThat(batch.endOffset()).isEqualTo(8);
    }
}
