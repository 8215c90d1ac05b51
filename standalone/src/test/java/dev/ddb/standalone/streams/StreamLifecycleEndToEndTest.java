package dev.ddb.standalone.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Streams enabled, disabled and enabled again (each with its own ARN and only its own records),
 * iterator types, and DynamoDB's errors of the Streams API, through the gateway.
 */
class StreamLifecycleEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CLOSE_DELAY = "ddb.stream.shard-close-delay";

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void startStack() {
        // Shards of a disabled stream close after this delay; the default (5 s) would only slow the test down.
        System.setProperty(CLOSE_DELAY, "500ms");
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        dynamo = StreamClients.dynamoDb(stack.gatewayUrl());
        streams = StreamClients.streams(stack.gatewayUrl());
    }

    @AfterAll
    static void stopStack() {
        System.clearProperty(CLOSE_DELAY);
        streams.close();
        dynamo.close();
        stack.close();
    }

    @Test
    void disabledAndReEnabledStreamsEachShowOnlyTheirOwnRecords() {
        String first = createTable("Lifecycle", StreamViewType.KEYS_ONLY).latestStreamArn();
        put("Lifecycle", "p1", "1");

        TableDescription disabled = dynamo.updateTable(b -> b.tableName("Lifecycle")
                .streamSpecification(s -> s.streamEnabled(false))).tableDescription();
        assertThat(disabled.streamSpecification()).isNull();
        assertThat(disabled.latestStreamArn()).isEqualTo(first);
        put("Lifecycle", "p2", "1"); // no stream: in no stream

        String second = dynamo.updateTable(b -> b.tableName("Lifecycle")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                .tableDescription().latestStreamArn();
        assertThat(second).isNotEqualTo(first);
        StreamsAwait.listed(streams, "Lifecycle", second);
        put("Lifecycle", "p1", "2");

        List<Record> ofFirst = readClosedStream(first);
        assertThat(ofFirst).singleElement().satisfies(record -> {
            assertThat(record.eventNameAsString()).isEqualTo("INSERT");
            assertThat(record.dynamodb().keys()).isEqualTo(Map.of("pk", AttributeValue.fromS("p1")));
            assertThat(record.dynamodb().hasNewImage()).isFalse();
        });
        List<Record> ofSecond = all(new StreamApiReader(streams).readAll(second, 1, WAIT));
        assertThat(ofSecond).singleElement().satisfies(record -> {
            assertThat(record.eventNameAsString()).isEqualTo("MODIFY");
            assertThat(record.dynamodb().newImage()).containsEntry("v", AttributeValue.fromN("2"));
        });
        List<ConsumerRecord<String, String>> topic = StreamTopicReader.readAll(stack.kafkaBootstrapServers(), "Lifecycle", 2, WAIT);
        assertThat(topic).extracting(record -> new String(record.headers().lastHeader("StreamArn").value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder(first, second);

        assertThat(streams.listStreams(b -> b.tableName("Lifecycle")).streams())
                .extracting(stream -> stream.streamArn()).containsExactly(first, second);
        ListStreamsResponse page = streams.listStreams(b -> b.tableName("Lifecycle").limit(1));
        assertThat(page.streams()).hasSize(1);
        assertThat(page.lastEvaluatedStreamArn()).isEqualTo(first);
        assertThat(streams.listStreams(b -> b.tableName("Lifecycle").exclusiveStartStreamArn(first)).streams())
                .extracting(stream -> stream.streamArn()).containsExactly(second);
    }

    @Test
    void iteratorsStartWhereTheirTypeSays() {
        String arn = createTable("Iterators", StreamViewType.NEW_AND_OLD_IMAGES).latestStreamArn();
        put("Iterators", "same", "1");
        put("Iterators", "same", "2");
        List<Record> records = all(new StreamApiReader(streams).readAll(arn, 2, WAIT));
        assertThat(records).hasSize(2);
        String shardId = shardOf(arn, records.get(0));

        String at = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                .sequenceNumber(records.get(1).dynamodb().sequenceNumber())).shardIterator();
        assertThat(streams.getRecords(b -> b.shardIterator(at)).records()).extracting(Record::eventID)
                .containsExactly(records.get(1).eventID());
        String after = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                .sequenceNumber(records.get(0).dynamodb().sequenceNumber())).shardIterator();
        assertThat(streams.getRecords(b -> b.shardIterator(after)).records()).extracting(Record::eventID)
                .containsExactly(records.get(1).eventID());

        String latest = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        GetRecordsResponse nothingYet = streams.getRecords(b -> b.shardIterator(latest));
        assertThat(nothingYet.records()).isEmpty();
        put("Iterators", "same", "3");
        StreamsAwait.until("the write after LATEST", () -> !streams.getRecords(b -> b.shardIterator(
                nothingYet.nextShardIterator())).records().isEmpty());
        assertThat(streams.getRecords(b -> b.shardIterator(nothingYet.nextShardIterator())).records())
                .singleElement().satisfies(record -> assertThat(record.dynamodb().newImage())
                        .containsEntry("v", AttributeValue.fromN("3")));

        GetRecordsResponse one = streams.getRecords(b -> b.shardIterator(at).limit(1));
        assertThat(one.records()).hasSize(1);
        assertThat(one.nextShardIterator()).isNotNull();
    }

    @Test
    void streamsApiAnswersDynamoDbsErrors() {
        String arn = createTable("Errors", StreamViewType.KEYS_ONLY).latestStreamArn();
        String unknown = "arn:aws:dynamodb:us-east-1:000000000000:table/Nope/stream/2026-01-01T00:00:00.000";

        assertError(() -> streams.describeStream(b -> b.streamArn(unknown)), "ResourceNotFoundException",
                "Requested resource not found: Stream: " + unknown + " not found");
        assertError(() -> streams.describeStream(b -> b.streamArn("not-a-stream-arn-but-long-enough-to-pass")),
                "ValidationException", "Invalid StreamArn");
        assertError(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId("shardId-00000000000000000001-00000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)), "ResourceNotFoundException",
                "Requested resource not found: Shard does not exist");
        assertError(() -> streams.getRecords(b -> b.shardIterator("not an iterator")), "ValidationException",
                "Invalid ShardIterator");
        String shardId = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        assertError(() -> streams.getRecords(b -> b.shardIterator(iterator).limit(1001)), "ValidationException",
                "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 1000");
        assertError(() -> streams.listStreams(b -> b.limit(0)), "ValidationException",
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(unknown)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    /** Reads a disabled stream once its shards closed: every shard ends (no NextShardIterator). */
    private static List<Record> readClosedStream(String streamArn) {
        StreamsAwait.until("stream " + streamArn + " DISABLED", () -> streams.describeStream(b -> b.streamArn(streamArn))
                .streamDescription().streamStatus() == StreamStatus.DISABLED);
        StreamDescription description = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription();
        List<Record> records = new ArrayList<>();
        for (Shard shard : description.shards()) {
            assertThat(shard.sequenceNumberRange().endingSequenceNumber()).matches("\\d{21,40}");
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            int calls = 0;
            while (iterator != null) {
                assertThat(++calls).as("calls until closed shard %s ends", shard.shardId()).isLessThan(10);
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current));
                records.addAll(page.records());
                iterator = page.nextShardIterator();
            }
        }
        return records;
    }

    private static String shardOf(String streamArn, Record record) {
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            if (streams.getRecords(b -> b.shardIterator(iterator)).records().stream()
                    .anyMatch(r -> r.eventID().equals(record.eventID()))) {
                return shard.shardId();
            }
        }
        throw new AssertionError("no shard holds " + record.eventID());
    }

    private static TableDescription createTable(String tableName, StreamViewType viewType) {
        TableDescription table = dynamo.createTable(b -> b.tableName(tableName)
                .attributeDefinitions(StreamViewTypesEndToEndTest.attribute("pk", ScalarAttributeType.S))
                .keySchema(StreamViewTypesEndToEndTest.key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)))
                .tableDescription();
        StreamsAwait.listed(streams, tableName, table.latestStreamArn());
        return table;
    }

    private static void put(String tableName, String pk, String version) {
        dynamo.putItem(b -> b.tableName(tableName).item(Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromN(version))));
    }

    private static List<Record> all(Map<String, List<Record>> byShard) {
        return byShard.values().stream().flatMap(List::stream).toList();
    }

    private static void assertError(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }
}
