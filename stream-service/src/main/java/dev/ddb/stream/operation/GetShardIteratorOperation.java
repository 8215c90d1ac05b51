package dev.ddb.stream.operation;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.stream.read.ShardIterator;
import dev.ddb.stream.read.ShardIteratorCodec;
import dev.ddb.stream.read.ShardLog;
import dev.ddb.stream.record.SequenceNumbers;
import dev.ddb.stream.record.ShardIds;
import dev.ddb.stream.registry.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GetShardIterator: a position in a shard to read from. TRIM_HORIZON is the stream's first record
 * still kept, LATEST just after its last committed one, AT_/AFTER_SEQUENCE_NUMBER at or after a
 * sequence number of the shard.
 */
@Component
public class GetShardIteratorOperation implements Operation {

    static final String TRIM_HORIZON = "TRIM_HORIZON";
    static final String LATEST = "LATEST";
    static final String AT_SEQUENCE_NUMBER = "AT_SEQUENCE_NUMBER";
    static final String AFTER_SEQUENCE_NUMBER = "AFTER_SEQUENCE_NUMBER";

    private final StreamLookup streams;
    private final ShardLog log;
    private final ShardIteratorCodec iterators;
    private final Clock clock;

    @Autowired
    GetShardIteratorOperation(StreamLookup streams, ShardLog log, ShardIteratorCodec iterators) {
        this(streams, log, iterators, Clock.systemUTC());
    }

    GetShardIteratorOperation(StreamLookup streams, ShardLog log, ShardIteratorCodec iterators, Clock clock) {
        this.streams = streams;
        this.log = log;
        this.iterators = iterators;
        this.clock = clock;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String streamArn = RequestMembers.string(request, "StreamArn");
        String shardId = RequestMembers.string(request, "ShardId");
        String type = RequestMembers.string(request, "ShardIteratorType");
        String sequenceNumber = RequestMembers.string(request, "SequenceNumber");
        boolean atSequenceNumber = AT_SEQUENCE_NUMBER.equals(type) || AFTER_SEQUENCE_NUMBER.equals(type);
        if (atSequenceNumber && sequenceNumber == null) {
            throw DynamoDbException.validation("A SequenceNumber is required when ShardIteratorType is " + type);
        }
        if (!atSequenceNumber && sequenceNumber != null) {
            throw DynamoDbException.validation("A SequenceNumber must not be given when ShardIteratorType is " + type);
        }

        Stream stream = streams.find(context, streamArn);
        int shard = ShardIds.shardOf(stream, shardId).orElseThrow(StreamsErrors::shardNotFound);
        TopicPartition partition = new TopicPartition(stream.topic(), shard);
        long start = stream.startOffsets().get(shard);
        long offset = switch (type) {
            case TRIM_HORIZON -> Math.max(start, log.beginningOffsets(List.of(partition)).get(partition));
            case LATEST -> Math.max(start, log.endOffsets(List.of(partition)).get(partition));
            default -> at(stream, shard, partition, sequenceNumber) + (AFTER_SEQUENCE_NUMBER.equals(type) ? 1 : 0);
        };
        ObjectNode response = Json.object();
        response.put("ShardIterator", iterators.encode(new ShardIterator(stream.streamArn(), shard, offset, clock.millis())));
        return response;
    }

    private long at(Stream stream, int shard, TopicPartition partition, String sequenceNumber) {
        SequenceNumbers.Position position = SequenceNumbers.parse(sequenceNumber)
                .filter(p -> p.shard() == shard && p.offset() >= stream.startOffsets().get(shard))
                .orElseThrow(() -> DynamoDbException.validation("Invalid SequenceNumber " + sequenceNumber
                        + " for shard " + ShardIds.of(stream, shard)));
        if (position.offset() < log.beginningOffsets(List.of(partition)).get(partition)) {
            throw StreamsErrors.trimmed();
        }
        return position.offset();
    }
}
