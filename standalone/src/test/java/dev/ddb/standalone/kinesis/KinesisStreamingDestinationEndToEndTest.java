package dev.ddb.standalone.kinesis;

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

import dev.ddb.common.json.Json;
import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ApproximateCreationDateTimePrecision;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DestinationStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KinesisDataStreamDestination;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateKinesisStreamingDestinationResponse;
import tools.jackson.databind.JsonNode;

/**
 * Kinesis streaming destinations through the whole stack with the real SDK and a real
 * KafkaConsumer: the control plane with DynamoDB's answers and errors, and every change of the
 * table (puts, updates, deletes, a transaction, a TTL delete) on {@code ddb.kinesis.<StreamName>}
 * in order per item, with both images and the precision of the moment, and nothing after Disable.
 */
class KinesisStreamingDestinationEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ACCOUNT = "000000000000";

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        dynamo = Clients.dynamoDb(stack.gatewayUrl());
    }

    @AfterAll
    static void stopStack() {
        dynamo.close();
        stack.close();
    }

    @Test
    void everyChangeIsPublishedInOrderWithBothImagesAndThePrecisionOfItsTime() {
        String table = "Orders";
        String streamArn = streamArn("us-east-1", "orders-changes");
        createTable(table);
        assertThat(dynamo.describeKinesisStreamingDestination(b -> b.tableName(table)).kinesisDataStreamDestinations())
                .isEmpty();

        EnableKinesisStreamingDestinationResponse enabled = dynamo.enableKinesisStreamingDestination(b -> b
                .tableName(table).streamArn(streamArn));
        assertThat(enabled.destinationStatus()).isEqualTo(DestinationStatus.ENABLING);
        assertThat(enabled.tableName()).isEqualTo(table);
        assertThat(enabled.streamArn()).isEqualTo(streamArn);
        assertThat(destinations(table)).containsExactly(KinesisDataStreamDestination.builder()
                .streamArn(streamArn).destinationStatus(DestinationStatus.ACTIVE).build());
        dynamo.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(s -> s.enabled(true).attributeName("expiresAt")));

        long before = System.currentTimeMillis();
        put(table, "a", "status", "new");
        dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("a")))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("paid"))));
        put(table, "b", "status", "new");
        dynamo.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName(table).item(Map.of("pk", s("c"), "status", s("new")))),
                t -> t.update(u -> u.tableName(table).key(Map.of("pk", s("b"))).updateExpression("SET #s = :s")
                        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("paid"))))));
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", s("a"))));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("t"), "expiresAt",
                AttributeValue.fromN(Long.toString(System.currentTimeMillis() / 1000 - 60)))));

        UpdateKinesisStreamingDestinationResponse updated = dynamo.updateKinesisStreamingDestination(b -> b
                .tableName(table).streamArn(streamArn)
                .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(
                        ApproximateCreationDateTimePrecision.MICROSECOND)));
        assertThat(updated.destinationStatus()).isEqualTo(DestinationStatus.UPDATING);
        assertThat(destinations(table)).containsExactly(KinesisDataStreamDestination.builder().streamArn(streamArn)
                .destinationStatus(DestinationStatus.ACTIVE)
                .approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND).build());
        put(table, "d", "status", "micro");

        try (KinesisTopicReader reader = new KinesisTopicReader(stack.kafkaBootstrapServers(), "ddb.kinesis.orders-changes")) {
            List<JsonNode> records = values(reader.readUntil(record -> record.value().contains("\"micro\""), WAIT));
            // The TTL delete comes when the sweeper gets to it, before or after "d".
            records = new ArrayList<>(values(reader.readUntil(record -> record.value().contains("\"REMOVE\"")
                    && record.key().equals("t"), WAIT)));
            assertThat(records).hasSize(9);
            List<JsonNode> ofA = ofKey(records, "a");
            assertThat(ofA).extracting(r -> r.get("eventName").stringValue()).containsExactly("INSERT", "MODIFY", "REMOVE");
            assertRecord(ofA.get(0), table, null, Map.of("pk", "a", "status", "new"));
            assertRecord(ofA.get(1), table, Map.of("pk", "a", "status", "new"), Map.of("pk", "a", "status", "paid"));
            assertRecord(ofA.get(2), table, Map.of("pk", "a", "status", "paid"), null);
            List<JsonNode> ofB = ofKey(records, "b");
            assertThat(ofB).extracting(r -> r.get("eventName").stringValue()).containsExactly("INSERT", "MODIFY");
            assertRecord(ofB.get(1), table, Map.of("pk", "b", "status", "new"), Map.of("pk", "b", "status", "paid"));
            assertRecord(ofKey(records, "c").get(0), table, null, Map.of("pk", "c", "status", "new"));
            for (JsonNode record : records) {
                JsonNode dynamodb = record.get("dynamodb");
                // The TTL delete has the precision of the moment the sweeper got to it.
                boolean expiry = record.get("userIdentity").isObject();
                boolean micro = expiry ? dynamodb.get("ApproximateCreationDateTimePrecision").stringValue().equals("MICROSECOND")
                        : record.toString().contains("\"micro\"");
                assertThat(dynamodb.get("ApproximateCreationDateTimePrecision").stringValue())
                        .isEqualTo(micro ? "MICROSECOND" : "MILLISECOND");
                long time = dynamodb.get("ApproximateCreationDateTime").longValue();
                assertThat(micro ? time / 1000 : time).isBetween(before - 1000, System.currentTimeMillis());
                assertThat(dynamodb.get("SizeBytes").longValue()).isPositive();
                assertThat(record.get("eventID").stringValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            }
            JsonNode expired = ofKey(records, "t").get(1);
            assertThat(expired.get("eventName").stringValue()).isEqualTo("REMOVE");
            assertThat(expired.get("userIdentity").toString())
                    .isEqualTo("{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}");
            assertThat(ofKey(records, "a").get(0).get("userIdentity").isNull()).isTrue();
            assertThat(records).extracting(r -> r.get("dynamodb").get("ApproximateCreationDateTimePrecision").stringValue())
                    .containsOnly("MILLISECOND", "MICROSECOND");

            // Disabled: a change is not published. Enabled again: the next change of that item is, after it.
            assertThat(dynamo.disableKinesisStreamingDestination(b -> b.tableName(table).streamArn(streamArn))
                    .destinationStatus()).isEqualTo(DestinationStatus.DISABLING);
            assertThat(destinations(table)).extracting(KinesisDataStreamDestination::destinationStatus)
                    .containsExactly(DestinationStatus.DISABLED);
            put(table, "d", "status", "while-disabled");
            dynamo.enableKinesisStreamingDestination(b -> b.tableName(table).streamArn(streamArn)
                    .enableKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(
                            ApproximateCreationDateTimePrecision.MILLISECOND)));
            put(table, "d", "status", "enabled-again");
            List<JsonNode> all = values(reader.readUntil(record -> record.value().contains("enabled-again"), WAIT));
            assertThat(all).hasSize(10);
            assertThat(all).as("no record of the change made while disabled")
                    .noneMatch(r -> r.get("dynamodb").path("NewImage").toString().contains("while-disabled"));
            assertThat(ofKey(all, "d").get(1).get("dynamodb").get("OldImage").get("status").get("S").stringValue())
                    .isEqualTo("while-disabled");
        }
    }

    @Test
    void theOperationsAnswerDynamoDbsErrors() {
        String table = "Errors";
        String streamArn = streamArn("us-east-1", "errors-changes");
        assertThatThrownBy(() -> dynamo.describeKinesisStreamingDestination(b -> b.tableName("Missing")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Requested resource not found: Table: Missing not found");
        assertThatThrownBy(() -> dynamo.enableKinesisStreamingDestination(b -> b.tableName("Missing").streamArn(streamArn)))
                .isInstanceOf(ResourceNotFoundException.class);
        createTable(table);

        assertValidation(() -> dynamo.enableKinesisStreamingDestination(b -> b.tableName(table)
                        .streamArn("arn:aws:sqs:us-east-1:000000000000:queue/not-a-stream")),
                "1 validation error detected: Value 'arn:aws:sqs:us-east-1:000000000000:queue/not-a-stream' at 'streamArn' "
                        + "failed to satisfy constraint: Member must satisfy regular expression pattern");
        assertValidation(() -> dynamo.enableKinesisStreamingDestination(b -> b.tableName(table).streamArn("too-short")),
                "1 validation error detected: Value 'too-short' at 'streamArn' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 37");
        assertValidation(() -> dynamo.disableKinesisStreamingDestination(b -> b.tableName(table).streamArn(streamArn)),
                "Table is not in a valid state to enable Kinesis Streaming Destination: "
                        + "KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.");
        assertValidation(() -> dynamo.updateKinesisStreamingDestination(b -> b.tableName(table).streamArn(streamArn)
                        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision("MICROSECOND"))),
                "Table is not in a valid state to enable Kinesis Streaming Destination: No streaming destination with streamArn: "
                        + streamArn);

        // A stream of another region cannot be written to: listed ENABLE_FAILED, as DynamoDB does.
        String elsewhere = streamArn("eu-west-1", "errors-changes");
        assertThat(dynamo.enableKinesisStreamingDestination(b -> b.tableName(table).streamArn(elsewhere))
                .destinationStatus()).isEqualTo(DestinationStatus.ENABLING);
        assertThat(destinations(table)).containsExactly(KinesisDataStreamDestination.builder().streamArn(elsewhere)
                .destinationStatus(DestinationStatus.ENABLE_FAILED)
                .destinationStatusDescription("User does not have a permission to use kinesis stream").build());

        dynamo.enableKinesisStreamingDestination(b -> b.tableName(table).streamArn(streamArn));
        assertThat(destinations(table)).extracting(KinesisDataStreamDestination::streamArn).containsExactly(streamArn, elsewhere);
        assertValidation(() -> dynamo.enableKinesisStreamingDestination(b -> b.tableName(table).streamArn(streamArn)),
                "Table is not in a valid state to enable Kinesis Streaming Destination: "
                        + "EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.");
        assertValidation(() -> dynamo.updateKinesisStreamingDestination(b -> b.tableName(table).streamArn(streamArn)),
                "Streaming destination cannot be updated with given parameters: "
                        + "UpdateKinesisStreamingConfiguration cannot be null or contain only null values");
        String tableId = dynamo.describeTable(b -> b.tableName(table)).table().tableId();
        assertValidation(() -> dynamo.updateKinesisStreamingDestination(b -> b.tableName(table).streamArn(streamArn)
                        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision("MILLISECOND"))),
                "Invalid Request: Precision is already set to the desired value of MILLISECOND for tableId: " + tableId
                        + ", kdsArn: " + streamArn);
        assertValidation(() -> dynamo.updateKinesisStreamingDestination(b -> b.tableName(table).streamArn(elsewhere)
                        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision("MICROSECOND"))),
                "Table is not in a valid state to enable Kinesis Streaming Destination: Kinesis streaming is not in ACTIVE "
                        + "state. Updates are only allowed in ACTIVE state. TableName: " + table);
        assertValidation(() -> dynamo.disableKinesisStreamingDestination(b -> b.tableName(table).streamArn(streamArn)
                        .enableKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision("MICROSECOND"))),
                "Stream cannot be disabled using EnableKinesisStreamingConfiguration parameters");
        // The table named by its ARN works as well.
        String tableArn = dynamo.describeTable(b -> b.tableName(table)).table().tableArn();
        assertThat(dynamo.describeKinesisStreamingDestination(b -> b.tableName(tableArn)).tableName()).isEqualTo(table);
    }

    private static void assertValidation(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith(message);
        });
    }

    private static void assertRecord(JsonNode record, String table, Map<String, String> oldImage, Map<String, String> newImage) {
        assertThat(record.get("awsRegion").stringValue()).isEqualTo("us-east-1");
        assertThat(record.get("recordFormat").stringValue()).isEqualTo("application/json");
        assertThat(record.get("eventSource").stringValue()).isEqualTo("aws:dynamodb");
        assertThat(record.get("tableName").stringValue()).isEqualTo(table);
        JsonNode dynamodb = record.get("dynamodb");
        String pk = (newImage != null ? newImage : oldImage).get("pk");
        assertThat(dynamodb.get("Keys").toString()).isEqualTo("{\"pk\":{\"S\":\"" + pk + "\"}}");
        assertImage(dynamodb.get("OldImage"), oldImage);
        assertImage(dynamodb.get("NewImage"), newImage);
    }

    private static void assertImage(JsonNode image, Map<String, String> expected) {
        if (expected == null) {
            assertThat(image).isNull();
            return;
        }
        assertThat(image.size()).isEqualTo(expected.size());
        expected.forEach((name, value) -> assertThat(image.get(name).get("S").stringValue()).isEqualTo(value));
    }

    private static List<JsonNode> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> Json.read(r.value().getBytes(StandardCharsets.UTF_8))).toList();
    }

    private static List<JsonNode> ofKey(List<JsonNode> records, String pk) {
        return records.stream().filter(r -> r.get("dynamodb").get("Keys").get("pk").get("S").stringValue().equals(pk)).toList();
    }

    private static List<KinesisDataStreamDestination> destinations(String table) {
        return dynamo.describeKinesisStreamingDestination(b -> b.tableName(table)).kinesisDataStreamDestinations();
    }

    private static void put(String table, String pk, String attribute, String value) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s(pk), attribute, s(value))));
    }

    private static void createTable(String table) {
        dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
    }

    private static String streamArn(String region, String name) {
        return "arn:aws:kinesis:" + region + ":" + ACCOUNT + ":stream/" + name;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
