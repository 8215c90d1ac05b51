package dev.ddb.stream.operation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.stream.StreamServiceProperties;
import dev.ddb.stream.read.ShardLog;
import dev.ddb.stream.record.SequenceNumbers;
import dev.ddb.stream.record.ShardIds;
import dev.ddb.stream.registry.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DescribeStream: the stream and a page of its shards. A shard starts at the stream's first record
 * still kept; a shard of a disabled stream is closed (has an EndingSequenceNumber) once late
 * changes had time to arrive, and then ends at the stream's last record in it. Shards never split,
 * so none has a ParentShardId.
 */
@Component
public class DescribeStreamOperation implements Operation {

    /** The page size without a Limit: the most Limit may be. */
    private static final int DEFAULT_LIMIT = 100;

    private final StreamLookup streams;
    private final ShardLog log;
    private final long closeDelayMillis;
    private final Clock clock;

    @Autowired
    DescribeStreamOperation(StreamLookup streams, ShardLog log, StreamServiceProperties properties) {
        this(streams, log, properties.shardCloseDelay().toMillis(), Clock.systemUTC());
    }

    DescribeStreamOperation(StreamLookup streams, ShardLog log, long closeDelayMillis, Clock clock) {
        this.streams = streams;
        this.log = log;
        this.closeDelayMillis = closeDelayMillis;
        this.clock = clock;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String streamArn = RequestMembers.string(request, "StreamArn");
        Integer limit = RequestMembers.integer(request, "Limit");
        String exclusiveStart = RequestMembers.string(request, "ExclusiveStartShardId");
        Stream stream = streams.find(context, streamArn);
        long now = clock.millis();
        boolean closed = stream.closedAt(now, closeDelayMillis);

        List<Integer> shards = new ArrayList<>();
        for (int shard = 0; shard < stream.shardCount(); shard++) {
            // shard ids sort in shard order, so paging compares them as text
            if (exclusiveStart == null || ShardIds.of(stream, shard).compareTo(exclusiveStart) > 0) {
                shards.add(shard);
            }
        }
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        List<Integer> page = shards.subList(0, Math.min(pageSize, shards.size()));

        ObjectNode description = Json.object();
        description.put("StreamArn", stream.streamArn());
        description.put("StreamLabel", stream.streamLabel());
        description.put("StreamStatus", stream.enabled() ? "ENABLED" : closed ? "DISABLED" : "DISABLING");
        description.put("StreamViewType", stream.streamViewType());
        description.put("CreationRequestDateTime", stream.creationMillis() / 1000.0);
        description.put("TableName", stream.tableName());
        description.set("KeySchema", stream.keySchema());
        description.set("Shards", shards(stream, page, closed));
        if (shards.size() > pageSize) {
            description.put("LastEvaluatedShardId", ShardIds.of(stream, page.get(page.size() - 1)));
        }
        ObjectNode response = Json.object();
        response.set("StreamDescription", description);
        return response;
    }

    private ArrayNode shards(Stream stream, List<Integer> page, boolean closed) {
        List<TopicPartition> partitions = page.stream().map(shard -> new TopicPartition(stream.topic(), shard)).toList();
        Map<TopicPartition, Long> kept = partitions.isEmpty() ? Map.of() : log.beginningOffsets(partitions);
        ArrayNode shards = Json.array();
        for (int i = 0; i < page.size(); i++) {
            int shard = page.get(i);
            long first = Math.max(stream.startOffsets().get(shard), kept.get(partitions.get(i)));
            ObjectNode range = Json.object().put("StartingSequenceNumber", SequenceNumbers.of(shard, first));
            if (closed) {
                long last = Math.max(stream.lastOffsets().get(shard), first);
                range.put("EndingSequenceNumber", SequenceNumbers.of(shard, last));
            }
            ObjectNode described = shards.addObject().put("ShardId", ShardIds.of(stream, shard));
            described.set("SequenceNumberRange", range);
        }
        return shards;
    }
}
