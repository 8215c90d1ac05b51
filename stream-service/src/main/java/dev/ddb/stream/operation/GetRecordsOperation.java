package dev.ddb.stream.operation;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.stream.StreamServiceProperties;
import dev.ddb.stream.read.ShardIterator;
import dev.ddb.stream.read.ShardIteratorCodec;
import dev.ddb.stream.read.ShardLog;
import dev.ddb.stream.record.SequenceNumbers;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.registry.StreamRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GetRecords: up to Limit (at most 1000) records of the iterator's shard and the iterator to read
 * on with. A closed shard read to its end answers no NextShardIterator, as DynamoDB does.
 */
@Component
public class GetRecordsOperation implements Operation {

    /** The page size without a Limit: the most Limit may be. */
    private static final int DEFAULT_LIMIT = 1000;

    private final StreamRegistry registry;
    private final ShardLog log;
    private final ShardIteratorCodec iterators;
    private final long iteratorLifetimeMillis;
    private final long closeDelayMillis;
    private final Clock clock;

    @Autowired
    GetRecordsOperation(StreamRegistry registry, ShardLog log, ShardIteratorCodec iterators, StreamServiceProperties properties) {
        this(registry, log, iterators, properties.iteratorLifetime().toMillis(), properties.shardCloseDelay().toMillis(),
                Clock.systemUTC());
    }

    GetRecordsOperation(StreamRegistry registry, ShardLog log, ShardIteratorCodec iterators, long iteratorLifetimeMillis,
                        long closeDelayMillis, Clock clock) {
        this.registry = registry;
        this.log = log;
        this.iterators = iterators;
        this.iteratorLifetimeMillis = iteratorLifetimeMillis;
        this.closeDelayMillis = closeDelayMillis;
        this.clock = clock;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String text = RequestMembers.string(request, "ShardIterator");
        Integer limit = RequestMembers.integer(request, "Limit");
        ShardIterator iterator = iterators.decode(text).orElseThrow(StreamsErrors::invalidShardIterator);
        Stream stream = registry.find(iterator.streamArn())
                .orElseThrow(() -> StreamsErrors.streamNotFound(iterator.streamArn()));
        if (iterator.shard() >= stream.shardCount()) {
            throw StreamsErrors.invalidShardIterator();
        }
        long now = clock.millis();
        if (now - iterator.issuedMillis() > iteratorLifetimeMillis) {
            throw StreamsErrors.expiredIterator();
        }

        TopicPartition partition = new TopicPartition(stream.topic(), iterator.shard());
        if (iterator.offset() < log.beginningOffsets(List.of(partition)).get(partition)) {
            throw StreamsErrors.trimmed();
        }
        boolean closed = stream.closedAt(now, closeDelayMillis);
        long last = stream.lastOffsets().get(iterator.shard());
        long end = log.endOffsets(List.of(partition)).get(partition);
        long until = closed ? Math.min(end, last + 1) : end;
        ShardLog.ShardPage page;
        try {
            page = iterator.offset() < until
                    ? log.read(partition, iterator.offset(), until, limit == null ? DEFAULT_LIMIT : limit, stream.streamArn())
                    : new ShardLog.ShardPage(List.of(), iterator.offset());
        } catch (ShardLog.TrimmedException e) {
            throw StreamsErrors.trimmed();
        }

        ObjectNode response = Json.object();
        ArrayNode records = response.putArray("Records");
        for (ShardLog.ShardRecord record : page.records()) {
            ObjectNode parsed = (ObjectNode) Json.read(record.value());
            // The sequence number is the record's own offset (written with it; set again in case it was not).
            ((ObjectNode) parsed.get("dynamodb")).put("SequenceNumber", SequenceNumbers.of(iterator.shard(), record.offset()));
            records.add(parsed);
        }
        boolean shardEnded = closed && page.nextOffset() > last;
        if (!shardEnded) {
            response.put("NextShardIterator", iterators.encode(iterator.at(page.nextOffset(), now)));
        }
        return response;
    }
}
