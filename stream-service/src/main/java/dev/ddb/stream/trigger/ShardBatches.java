package dev.ddb.stream.trigger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import dev.ddb.common.json.Json;
import dev.ddb.stream.pattern.EventPattern;
import dev.ddb.stream.record.StreamRecords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a mapping's next batch from the records read from one shard's partition: records of other
 * streams of the table (they share its topic) and records no filter matches are skipped but counted
 * as processed; at most {@code BatchSize} records are taken.
 */
final class ShardBatches {

    private final String streamArn;
    private final int batchSize;
    private final List<EventPattern> filters;

    ShardBatches(String streamArn, int batchSize, List<EventPattern> filters) {
        this.streamArn = streamArn;
        this.batchSize = batchSize;
        this.filters = List.copyOf(filters);
    }

    static List<EventPattern> patterns(EventSourceMapping mapping) {
        return mapping.filters().stream().map(EventPattern::parse).toList();
    }

    /** Takes records off the front of {@code read} (one partition's, in offset order, not empty) into a batch. */
    StreamBatch next(int shard, Deque<ConsumerRecord<byte[], byte[]>> read) {
        List<StreamBatch.Entry> entries = new ArrayList<>();
        long end = -1;
        while (!read.isEmpty() && entries.size() < batchSize) {
            ConsumerRecord<byte[], byte[]> record = read.pollFirst();
            end = record.offset() + 1;
            if (!ofThisStream(record)) {
                continue;
            }
            ObjectNode lambdaRecord = LambdaEvents.record((ObjectNode) Json.read(record.value()), streamArn);
            if (!matches(lambdaRecord)) {
                continue;
            }
            String sequenceNumber = lambdaRecord.path("dynamodb").path("SequenceNumber").stringValue(null);
            entries.add(new StreamBatch.Entry(record.offset(), record.timestamp(), sequenceNumber, lambdaRecord));
        }
        return new StreamBatch(shard, entries, end);
    }

    private boolean ofThisStream(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(StreamRecords.STREAM_ARN_HEADER);
        return header != null && streamArn.equals(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Lambda: a record passes when any filter matches it (no filters: all pass). */
    boolean matches(JsonNode lambdaRecord) {
        return filters.isEmpty() || filters.stream().anyMatch(filter -> filter.matches(lambdaRecord));
    }
}
