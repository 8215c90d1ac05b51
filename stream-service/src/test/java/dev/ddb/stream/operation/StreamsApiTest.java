package dev.ddb.stream.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.time.ZoneId;
import java.util.function.LongSupplier;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.request.RequestValidator;
import dev.ddb.common.request.ServiceModel;
import dev.ddb.stream.read.ShardIterator;
import dev.ddb.stream.read.ShardIteratorCodec;
import dev.ddb.stream.record.SequenceNumbers;
import dev.ddb.stream.record.ShardIds;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.registry.TableChangesSeen;
import dev.ddb.stream.support.InMemoryShardLog;
import dev.ddb.stream.support.Streams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The four Streams operations against a real registry and stream topics held in memory, at a settable time. */
class StreamsApiTest {

    private static final MasterKey KEY = MasterKey.generate();

    private static final String LABEL = "2026-11-25T10:37:34.123";
    private static final long ITERATOR_LIFETIME = 15 * 60_000;
    private static final long CLOSE_DELAY = 5_000;

    @TempDir
    Path dataDir;

    private StreamRegistry registry;
    private final InMemoryShardLog log = new InMemoryShardLog();
    private long now = 1_795_603_060_000L;
    private ListStreamsOperation listStreams;
    private DescribeStreamOperation describeStream;
    private final ShardIteratorCodec iterators = new ShardIteratorCodec(KEY);
    private GetShardIteratorOperation getShardIterator;
    private GetRecordsOperation getRecords;
    private Stream music;

    @BeforeEach
    void start() {
        registry = new StreamRegistry(dataDir, KEY);
        StreamLookup lookup = new StreamLookup(registry, TableChangesSeen.IMMEDIATE);
        listStreams = new ListStreamsOperation(registry, TableChangesSeen.IMMEDIATE);
        describeStream = new DescribeStreamOperation(lookup, log, CLOSE_DELAY, new MovingClock(() -> now));
        getShardIterator = new GetShardIteratorOperation(lookup, log, iterators, new MovingClock(() -> now));
        getRecords = new GetRecordsOperation(registry, log, iterators, ITERATOR_LIFETIME, CLOSE_DELAY, new MovingClock(() -> now));
        music = Streams.stream("Music", LABEL, "KEYS_ONLY", 2);
        registry.save(music);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Nested
    class ListStreams {

        @Test
        void streamsAreListedInArnOrderAndPaged() {
            registry.save(Streams.stream("Books", LABEL, "KEYS_ONLY", 1));
            registry.save(Streams.stream("Music", "2026-11-25T10:38:00.000", "NEW_IMAGE", 1));

            JsonNode first = call(listStreams, "ListStreams", "{'Limit':2}");
            assertThat(first.get("Streams")).hasSize(2);
            assertThat(first.get("Streams").get(0).get("TableName").stringValue()).isEqualTo("Books");
            assertThat(first.get("Streams").get(1).get("StreamLabel").stringValue()).isEqualTo(LABEL);
            assertThat(first.get("LastEvaluatedStreamArn").stringValue()).isEqualTo(music.streamArn());

            JsonNode rest = call(listStreams, "ListStreams", "{'ExclusiveStartStreamArn':'" + music.streamArn() + "'}");
            assertThat(rest.get("Streams")).singleElement().satisfies(stream ->
                    assertThat(stream.get("StreamArn").stringValue()).isEqualTo(Streams.arn("Music", "2026-11-25T10:38:00.000")));
            assertThat(rest.has("LastEvaluatedStreamArn")).isFalse();
        }

        @Test
        void tableNameFilters() {
            registry.save(Streams.stream("Books", LABEL, "KEYS_ONLY", 1));

            assertThat(call(listStreams, "ListStreams", "{'TableName':'Music'}").get("Streams")).hasSize(1);
            assertThat(json(call(listStreams, "ListStreams", "{'TableName':'Other'}"))).isEqualTo("{\"Streams\":[]}");
        }

        @Test
        void membersFollowTheirConstraints() {
            assertValidation(() -> call(listStreams, "ListStreams", "{'Limit':101,'TableName':'a;'}"),
                    "3 validation errors detected: Value 'a;' at 'tableName' failed to satisfy constraint: Member must "
                            + "satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a;' at 'tableName' failed to satisfy "
                            + "constraint: Member must have length greater than or equal to 3; Value '101' at 'limit' failed "
                            + "to satisfy constraint: Member must have value less than or equal to 100");
            assertValidation(() -> call(listStreams, "ListStreams", "{'ExclusiveStartStreamArn':'kossaapaaasdafsdaasdasdasdasasdasfadfadfasdasdas'}"),
                    "Invalid StreamArn");
        }
    }

    @Nested
    class DescribeStream {

        @Test
        void describesTheStreamAndItsOpenShards() {
            log.trimBefore(partition(1), 4);

            JsonNode description = describe(music.streamArn()).get("StreamDescription");

            assertThat(description.get("StreamArn").stringValue()).isEqualTo(music.streamArn());
            assertThat(description.get("StreamLabel").stringValue()).isEqualTo(LABEL);
            assertThat(description.get("StreamStatus").stringValue()).isEqualTo("ENABLED");
            assertThat(description.get("StreamViewType").stringValue()).isEqualTo("KEYS_ONLY");
            assertThat(description.get("CreationRequestDateTime").doubleValue()).isEqualTo(1_795_603_054.123);
            assertThat(description.get("TableName").stringValue()).isEqualTo("Music");
            assertThat(description.get("KeySchema")).isEqualTo(Streams.keySchema());
            assertThat(json(description.get("Shards"))).isEqualTo("[{\"ShardId\":\"" + ShardIds.of(music, 0) + "\","
                    + "\"SequenceNumberRange\":{\"StartingSequenceNumber\":\"" + SequenceNumbers.of(0, 0) + "\"}},"
                    + "{\"ShardId\":\"" + ShardIds.of(music, 1) + "\","
                    + "\"SequenceNumberRange\":{\"StartingSequenceNumber\":\"" + SequenceNumbers.of(1, 4) + "\"}}]");
            assertThat(description.has("LastEvaluatedShardId")).isFalse();
        }

        @Test
        void shardsArePagedByShardId() {
            JsonNode first = describe("{'StreamArn':'" + music.streamArn() + "','Limit':1}").get("StreamDescription");
            assertThat(first.get("Shards")).hasSize(1);
            assertThat(first.get("LastEvaluatedShardId").stringValue()).isEqualTo(ShardIds.of(music, 0));

            JsonNode rest = describe("{'StreamArn':'" + music.streamArn() + "','ExclusiveStartShardId':'"
                    + ShardIds.of(music, 0) + "'}").get("StreamDescription");
            assertThat(rest.get("Shards")).singleElement().satisfies(shard ->
                    assertThat(shard.get("ShardId").stringValue()).isEqualTo(ShardIds.of(music, 1)));
            JsonNode none = describe("{'StreamArn':'" + music.streamArn()
                    + "','ExclusiveStartShardId':'zzzzzzzzzzzzzzzzzzzzzzzzsfasdgagadfadfgagkjsdfsfsdjfjks'}").get("StreamDescription");
            assertThat(none.get("Shards")).isEmpty();
        }

        @Test
        void disabledStreamIsDisablingUntilItsShardsCloseAtTheirLastRecord() {
            long last = log.append(partition(0), music.streamArn(), record(music, 0));
            registry.recordLastOffsets(Map.of(music.streamArn(), Map.of(0, last)));
            registry.save(registry.find(music.streamArn()).orElseThrow().disabledAt(now));

            assertThat(describe(music.streamArn()).get("StreamDescription").get("StreamStatus").stringValue()).isEqualTo("DISABLING");
            now += CLOSE_DELAY;
            JsonNode description = describe(music.streamArn()).get("StreamDescription");

            assertThat(description.get("StreamStatus").stringValue()).isEqualTo("DISABLED");
            JsonNode shards = description.get("Shards");
            assertThat(shards.get(0).get("SequenceNumberRange").get("EndingSequenceNumber").stringValue())
                    .isEqualTo(SequenceNumbers.of(0, last));
            assertThat(shards.get(1).get("SequenceNumberRange").get("EndingSequenceNumber").stringValue())
                    .isEqualTo(SequenceNumbers.of(1, 0));
        }

        @Test
        void malformedAndUnknownArnsAreDynamoDbsErrors() {
            assertValidation(() -> describe("sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf"), "Invalid StreamArn");
            String unknown = Streams.arn("Nope", LABEL);
            DynamoDbException e = assertThrows(DynamoDbException.class, () -> describe(unknown));
            assertThat(e.code()).isEqualTo("ResourceNotFoundException");
            assertThat(e.getMessage()).isEqualTo("Requested resource not found: Stream: " + unknown + " not found");
            assertValidation(() -> describe("{}"), "1 validation error detected: Value null at 'streamArn' failed to "
                    + "satisfy constraint: Member must not be null");
            assertValidation(() -> describe("short"), "1 validation error detected: Value 'short' at 'streamArn' failed "
                    + "to satisfy constraint: Member must have length greater than or equal to 37");
        }
    }

    @Nested
    class GetShardIterator {

        @Test
        void trimHorizonStartsAtTheFirstRecordKeptAndLatestAfterTheLast() {
            log.append(partition(0), music.streamArn(), record(music, 0));
            log.append(partition(0), music.streamArn(), record(music, 2));
            log.trimBefore(partition(0), 1);

            assertThat(iterator("TRIM_HORIZON", 0, null).offset()).isEqualTo(1);
            assertThat(iterator("LATEST", 0, null).offset()).isEqualTo(4);
        }

        @Test
        void atAndAfterASequenceNumber() {
            assertThat(iterator("AT_SEQUENCE_NUMBER", 1, SequenceNumbers.of(1, 6)).offset()).isEqualTo(6);
            assertThat(iterator("AFTER_SEQUENCE_NUMBER", 1, SequenceNumbers.of(1, 6)).offset()).isEqualTo(7);
            assertThat(iterator("AT_SEQUENCE_NUMBER", 1, SequenceNumbers.of(1, 6)).issuedMillis()).isEqualTo(now);
        }

        @Test
        void sequenceNumberMustFitTheIteratorType() {
            assertValidation(() -> iterator("AT_SEQUENCE_NUMBER", 0, null),
                    "A SequenceNumber is required when ShardIteratorType is AT_SEQUENCE_NUMBER");
            assertValidation(() -> iterator("LATEST", 0, SequenceNumbers.of(0, 1)),
                    "A SequenceNumber must not be given when ShardIteratorType is LATEST");
            assertValidation(() -> iterator("AT_SEQUENCE_NUMBER", 0, SequenceNumbers.of(1, 1)),
                    "Invalid SequenceNumber " + SequenceNumbers.of(1, 1) + " for shard " + ShardIds.of(music, 0));
            assertValidation(() -> iterator("bulle", 0, null), "1 validation error detected: Value 'bulle' at "
                    + "'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]");
        }

        @Test
        void sequenceNumberPastRetentionIsTrimmed() {
            log.trimBefore(partition(0), 10);

            DynamoDbException e = assertThrows(DynamoDbException.class,
                    () -> iterator("AT_SEQUENCE_NUMBER", 0, SequenceNumbers.of(0, 3)));
            assertThat(e.code()).isEqualTo("TrimmedDataAccessException");
        }

        @Test
        void unknownShardIsNotFound() {
            DynamoDbException e = assertThrows(DynamoDbException.class, () -> call(getShardIterator, "GetShardIterator",
                    "{'StreamArn':'" + music.streamArn() + "','ShardId':'semprinidfaasdasfsdvacsdcfsdsvsdvsdvsdvsdvsdv',"
                            + "'ShardIteratorType':'LATEST'}"));
            assertThat(e.code()).isEqualTo("ResourceNotFoundException");
            assertThat(e.getMessage()).isEqualTo("Requested resource not found: Shard does not exist");
        }
    }

    @Nested
    class GetRecords {

        @Test
        void readsTheStreamsRecordsAndGoesOn() {
            Stream other = Streams.stream("Music", "2026-11-25T10:30:00.000", "KEYS_ONLY", 2);
            long first = log.append(partition(0), music.streamArn(), record(music, 0));
            log.append(partition(0), other.streamArn(), record(other, 2));
            long third = log.append(partition(0), music.streamArn(), record(music, 4));

            JsonNode page = records(iterators.encode(iterator("TRIM_HORIZON", 0, null)), 1);
            assertThat(page.get("Records")).singleElement().satisfies(record -> assertThat(
                    record.get("dynamodb").get("SequenceNumber").stringValue()).isEqualTo(SequenceNumbers.of(0, first)));

            JsonNode next = records(page.get("NextShardIterator").stringValue(), null);
            assertThat(next.get("Records")).singleElement().satisfies(record -> assertThat(
                    record.get("dynamodb").get("SequenceNumber").stringValue()).isEqualTo(SequenceNumbers.of(0, third)));
            JsonNode caughtUp = records(next.get("NextShardIterator").stringValue(), null);
            assertThat(caughtUp.get("Records")).isEmpty();
            assertThat(caughtUp.has("NextShardIterator")).isTrue();
        }

        @Test
        void closedShardReadToItsEndHasNoNextShardIterator() {
            long last = log.append(partition(0), music.streamArn(), record(music, 0));
            registry.recordLastOffsets(Map.of(music.streamArn(), Map.of(0, last)));
            registry.save(registry.find(music.streamArn()).orElseThrow().disabledAt(now - CLOSE_DELAY));

            JsonNode page = records(iterators.encode(iterator("TRIM_HORIZON", 0, null)), null);

            assertThat(page.get("Records")).hasSize(1);
            assertThat(page.has("NextShardIterator")).isFalse();
            assertThat(records(iterators.encode(iterator("TRIM_HORIZON", 1, null)), null).has("NextShardIterator")).isFalse();
        }

        @Test
        void iteratorExpiresAfterFifteenMinutes() {
            String iterator = iterators.encode(iterator("LATEST", 0, null));
            now += ITERATOR_LIFETIME;
            assertThat(records(iterator, null).get("Records")).isEmpty();
            now += 1;

            DynamoDbException e = assertThrows(DynamoDbException.class, () -> records(iterator, null));
            assertThat(e.type()).isEqualTo("com.amazonaws.dynamodb.v20120810#ExpiredIteratorException");
            assertThat(e.status()).isEqualTo(400);
        }

        @Test
        void iteratorBehindRetentionIsTrimmed() {
            String iterator = iterators.encode(iterator("TRIM_HORIZON", 0, null));
            log.trimBefore(partition(0), 2);

            DynamoDbException e = assertThrows(DynamoDbException.class, () -> records(iterator, null));
            assertThat(e.type()).isEqualTo("com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException");
            assertThat(e.getMessage()).isEqualTo("The operation attempted to read past the oldest stream record in a shard.");
        }

        @Test
        void badIteratorsAndLimitsAreValidationErrors() {
            assertValidation(() -> records("sdfsdfsgagaddafgagasgasgasdfasdfasdfasdfasdgasdasdgasdg", 1000), "Invalid ShardIterator");
            String iterator = iterators.encode(iterator("LATEST", 0, null));
            assertValidation(() -> records(iterator, 1001), "1 validation error detected: Value '1001' at 'limit' failed "
                    + "to satisfy constraint: Member must have value less than or equal to 1000");
            assertValidation(() -> records(iterator, 0), "1 validation error detected: Value '0' at 'limit' failed "
                    + "to satisfy constraint: Member must have value greater than or equal to 1");
            DynamoDbException serialization = assertThrows(DynamoDbException.class,
                    () -> call(getRecords, "GetRecords", "{'ShardIterator':'" + iterator + "','Limit':'10'}"));
            // dynalite test/helpers.js, assertType 'Integer'
            assertThat(serialization.getMessage()).isEqualTo("STRING_VALUE cannot be converted to Integer");
        }

        @Test
        void iteratorOfAForgottenStreamIsNotFound() {
            String iterator = iterators.encode(new ShardIterator(Streams.arn("Gone", LABEL), 0, 0, now));

            DynamoDbException e = assertThrows(DynamoDbException.class, () -> records(iterator, null));
            assertThat(e.code()).isEqualTo("ResourceNotFoundException");
        }
    }

    private JsonNode describe(String arnOrRequest) {
        return call(describeStream, "DescribeStream", arnOrRequest.startsWith("{") ? arnOrRequest : "{'StreamArn':'" + arnOrRequest + "'}");
    }

    private ShardIterator iterator(String type, int shard, String sequenceNumber) {
        String request = "{'StreamArn':'" + music.streamArn() + "','ShardId':'" + ShardIds.of(music, shard)
                + "','ShardIteratorType':'" + type + "'" + (sequenceNumber == null ? "" : ",'SequenceNumber':'" + sequenceNumber + "'") + "}";
        return iterators.decode(call(getShardIterator, "GetShardIterator", request).get("ShardIterator").stringValue()).orElseThrow();
    }

    private JsonNode records(String iterator, Integer limit) {
        return call(getRecords, "GetRecords", "{'ShardIterator':'" + iterator + "'" + (limit == null ? "" : ",'Limit':" + limit) + "}");
    }

    private TopicPartition partition(int shard) {
        return new TopicPartition(music.topic(), shard);
    }

    private static String record(Stream stream, long offset) {
        String json = "{'eventID':'x','eventName':'INSERT','dynamodb':{'Keys':{'pk':{'S':'a'}},'SequenceNumber':'"
                + SequenceNumbers.of(0, offset) + "','StreamViewType':'" + stream.streamViewType() + "'}}";
        return json.replace('\'', '"');
    }

    private static void assertValidation(Executable call, String message) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call);
        assertThat(e.type()).isEqualTo("com.amazon.coral.validate#ValidationException");
        assertThat(e.getMessage()).isEqualTo(message);
    }

    private static String json(JsonNode node) {
        return Json.MAPPER.writeValueAsString(node);
    }

    /** As the dispatcher runs an operation: the request validator (types, member constraints) first. */
    private static JsonNode call(Operation operation, String name, String json) {
        ObjectNode body = request(json);
        RequestValidator.validate(ServiceModel.STREAMS, name, body);
        return operation.invoke(body);
    }

    private static ObjectNode request(String json) {
        return Json.parseRequest(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    /** A clock that reads the test's {@code now} each time. */
    private static final class MovingClock extends Clock {
        private final LongSupplier millis;

        MovingClock(LongSupplier millis) {
            this.millis = millis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAsLong());
        }

        @Override
        public long millis() {
            return millis.getAsLong();
        }
    }
}
