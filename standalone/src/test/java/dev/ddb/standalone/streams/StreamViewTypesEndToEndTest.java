package dev.ddb.standalone.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.ddb.common.json.Json;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import tools.jackson.databind.JsonNode;

/**
 * For each StreamViewType, inserts, replacements and deletes come back in order and exactly once,
 * both through the DynamoDB Streams API and through a KafkaConsumer on {@code ddb.stream.<Table>}.
 */
class StreamViewTypesEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        dynamo = StreamClients.dynamoDb(stack.gatewayUrl());
        streams = StreamClients.streams(stack.gatewayUrl());
    }

    @AfterAll
    static void stopStack() {
        streams.close();
        dynamo.close();
        stack.close();
    }

    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void changesComeBackInOrderExactlyOnce(StreamViewType viewType) {
        String tableName = "Streamed-" + viewType;
        String streamArn = createTableWithStream(tableName, viewType);
        List<ExpectedChange> expected = writeChanges(tableName);

        Map<String, List<Record>> byShard = new StreamApiReader(streams).readAll(streamArn, expected.size(), WAIT);
        assertThat(StreamApiReader.count(byShard)).isEqualTo(expected.size());
        Map<String, ConsumerRecord<String, String>> fromKafka = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : StreamTopicReader.readAll(stack.kafkaBootstrapServers(), tableName,
                expected.size(), WAIT)) {
            assertThat(fromKafka.put(Json.read(record.value().getBytes(StandardCharsets.UTF_8)).get("eventID").stringValue(),
                    record)).as("records with one eventID").isNull();
        }
        assertThat(fromKafka).hasSize(expected.size());

        Map<String, List<Record>> byPartitionKey = new LinkedHashMap<>();
        Set<String> eventIds = new HashSet<>();
        for (List<Record> shard : byShard.values()) {
            String previous = null;
            for (Record record : shard) {
                String sequenceNumber = record.dynamodb().sequenceNumber();
                assertThat(sequenceNumber).matches("\\d{21,40}");
                if (previous != null) {
                    assertThat(sequenceNumber).as("sequence numbers grow within a shard").isGreaterThan(previous);
                }
                previous = sequenceNumber;
                assertThat(eventIds.add(record.eventID())).as("eventID %s only once", record.eventID()).isTrue();
                byPartitionKey.computeIfAbsent(record.dynamodb().keys().get("pk").s(), pk -> new ArrayList<>()).add(record);
                assertSameAsInKafka(record, fromKafka.get(record.eventID()));
            }
        }
        for (String partitionKey : List.of("a", "b")) {
            List<ExpectedChange> ofKey = expected.stream().filter(change -> change.partitionKey().equals(partitionKey)).toList();
            List<Record> records = byPartitionKey.get(partitionKey);
            assertThat(records).as("records of partition key %s", partitionKey).hasSize(ofKey.size());
            for (int i = 0; i < ofKey.size(); i++) {
                assertRecord(records.get(i), ofKey.get(i), viewType);
            }
        }
    }

    private static String createTableWithStream(String tableName, StreamViewType viewType) {
        boolean atCreation = viewType == StreamViewType.KEYS_ONLY || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        TableDescription table = dynamo.createTable(b -> b.tableName(tableName)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(atCreation).streamViewType(atCreation ? viewType : null)))
                .tableDescription();
        if (!atCreation) {
            table = dynamo.updateTable(b -> b.tableName(tableName)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType))).tableDescription();
        }
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(viewType);
        assertThat(table.latestStreamArn()).isEqualTo(dynamo.describeTable(b -> b.tableName(tableName)).table().latestStreamArn());
        StreamsAwait.listed(streams, tableName, table.latestStreamArn());
        return table.latestStreamArn();
    }

    /** Inserts, a replacement, writes that change nothing, deletes; replacement by PutItem is a MODIFY. */
    private static List<ExpectedChange> writeChanges(String tableName) {
        List<ExpectedChange> expected = new ArrayList<>();
        Map<String, AttributeValue> a1v1 = item("a", "1", "1");
        Map<String, AttributeValue> a1v2 = item("a", "1", "2");
        Map<String, AttributeValue> b1v1 = item("b", "1", "1");
        Map<String, AttributeValue> a2v1 = item("a", "2", "1");
        Map<String, AttributeValue> b1v3 = item("b", "1", "3");
        put(tableName, a1v1);
        expected.add(new ExpectedChange("INSERT", keys("a", "1"), null, a1v1));
        put(tableName, b1v1);
        expected.add(new ExpectedChange("INSERT", keys("b", "1"), null, b1v1));
        put(tableName, a1v2);
        expected.add(new ExpectedChange("MODIFY", keys("a", "1"), a1v1, a1v2));
        put(tableName, a1v2); // unchanged: no record
        delete(tableName, "b", "1");
        expected.add(new ExpectedChange("REMOVE", keys("b", "1"), b1v1, null));
        delete(tableName, "b", "1"); // nothing to delete: no record
        put(tableName, a2v1);
        expected.add(new ExpectedChange("INSERT", keys("a", "2"), null, a2v1));
        delete(tableName, "a", "1");
        expected.add(new ExpectedChange("REMOVE", keys("a", "1"), a1v2, null));
        put(tableName, b1v3);
        expected.add(new ExpectedChange("INSERT", keys("b", "1"), null, b1v3));
        return expected;
    }

    private static void assertRecord(Record record, ExpectedChange expected, StreamViewType viewType) {
        assertThat(record.eventNameAsString()).isEqualTo(expected.eventName());
        assertThat(record.eventVersion()).isEqualTo("1.1");
        assertThat(record.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(record.awsRegion()).isEqualTo("us-east-1");
        assertThat(record.eventID()).matches("[0-9a-f]{32}");
        assertThat(record.dynamodb().streamViewType()).isEqualTo(viewType);
        assertThat(record.dynamodb().keys()).isEqualTo(expected.keys());
        assertThat(record.dynamodb().approximateCreationDateTime()).isNotNull();
        assertThat(record.dynamodb().sizeBytes()).isPositive();
        Map<String, AttributeValue> newImage = expected.expectedNewImage(viewType);
        Map<String, AttributeValue> oldImage = expected.expectedOldImage(viewType);
        assertThat(record.dynamodb().hasNewImage() ? record.dynamodb().newImage() : null).isEqualTo(newImage);
        assertThat(record.dynamodb().hasOldImage() ? record.dynamodb().oldImage() : null).isEqualTo(oldImage);
    }

    /** The topic holds the same record (GetRecords' shape), keyed by the partition key. */
    private static void assertSameAsInKafka(Record fromApi, ConsumerRecord<String, String> fromKafka) {
        assertThat(fromKafka).as("Kafka record of event %s", fromApi.eventID()).isNotNull();
        assertThat(fromKafka.key()).isEqualTo(fromApi.dynamodb().keys().get("pk").s());
        JsonNode value = Json.read(fromKafka.value().getBytes(StandardCharsets.UTF_8));
        assertThat(value.get("eventName").stringValue()).isEqualTo(fromApi.eventNameAsString());
        JsonNode dynamodb = value.get("dynamodb");
        assertThat(dynamodb.get("SequenceNumber").stringValue()).isEqualTo(fromApi.dynamodb().sequenceNumber());
        assertThat(dynamodb.get("ApproximateCreationDateTime").longValue())
                .isEqualTo(fromApi.dynamodb().approximateCreationDateTime().getEpochSecond());
        assertThat(dynamodb.get("SizeBytes").longValue()).isEqualTo(fromApi.dynamodb().sizeBytes());
        assertThat(ExpectedChange.image(dynamodb.get("Keys"))).isEqualTo(fromApi.dynamodb().keys());
        assertThat(ExpectedChange.image(dynamodb.get("NewImage")))
                .isEqualTo(fromApi.dynamodb().hasNewImage() ? fromApi.dynamodb().newImage() : null);
        assertThat(ExpectedChange.image(dynamodb.get("OldImage")))
                .isEqualTo(fromApi.dynamodb().hasOldImage() ? fromApi.dynamodb().oldImage() : null);
        assertThat(new String(fromKafka.headers().lastHeader("StreamArn").value(), StandardCharsets.UTF_8)).isNotEmpty();
    }

    private static void put(String tableName, Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(tableName).item(item));
    }

    private static void delete(String tableName, String pk, String sk) {
        dynamo.deleteItem(b -> b.tableName(tableName).key(keys(pk, sk)));
    }

    static Map<String, AttributeValue> item(String pk, String sk, String version) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(keys(pk, sk));
        item.put("v", AttributeValue.fromN(version));
        item.put("note", AttributeValue.fromS("version " + version + " of " + pk + "/" + sk));
        return item;
    }

    static Map<String, AttributeValue> keys(String pk, String sk) {
        Map<String, AttributeValue> keys = new LinkedHashMap<>();
        keys.put("pk", AttributeValue.fromS(pk));
        keys.put("sk", AttributeValue.fromN(sk));
        return keys;
    }

    static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
