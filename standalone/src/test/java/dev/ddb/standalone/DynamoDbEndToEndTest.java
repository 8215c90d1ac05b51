package dev.ddb.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.event.TableEvent;
import dev.ddb.common.event.Topics;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The whole stack in-process (embedded Kafka, temporary data, free ports), driven through the
 * gateway by the real AWS SDK and read back by a real Kafka consumer.
 */
class DynamoDbEndToEndTest {

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static DynamoDbClient client;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        client = Clients.dynamoDb(stack.gatewayUrl());
    }

    @AfterAll
    static void stopStack() {
        client.close();
        stack.close();
    }

    static CreateTableRequest hashRangeTable(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    static Map<String, AttributeValue> everyType(String pk, String sk) {
        return Map.ofEntries(
                Map.entry("pk", AttributeValue.fromS(pk)),
                Map.entry("sk", AttributeValue.fromN(sk)),
                Map.entry("s", AttributeValue.fromS("snowman \u2603")),
                Map.entry("n", AttributeValue.fromN("0.00000000000000000000000000000000000123")),
                Map.entry("big", AttributeValue.fromN("99999999999999999999999999999999999999")),
                Map.entry("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) 0xDE, (byte) 0xAD, 0}))),
                Map.entry("t", AttributeValue.fromBool(false)),
                Map.entry("z", AttributeValue.fromNul(true)),
                Map.entry("l", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromM(Map.of("k", AttributeValue.fromN("-7")))))),
                Map.entry("m", AttributeValue.fromM(Map.of("nested", AttributeValue.fromL(List.of(AttributeValue.fromBool(true)))))),
                Map.entry("ss", AttributeValue.fromSs(List.of("x", "y", "z"))),
                Map.entry("ns", AttributeValue.fromNs(List.of("-1", "3.14"))),
                Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("p"), SdkBytes.fromUtf8String("q")))));
    }

    @Test
    void tableIsActiveRightAfterCreateAndGoneAfterDelete() {
        client.createTable(hashRangeTable("Lifecycle"));
        var table = client.describeTable(r -> r.tableName("Lifecycle")).table();
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("pk", "sk");
        assertThat(table.tableArn()).endsWith(":table/Lifecycle");

        client.deleteTable(r -> r.tableName("Lifecycle"));
        assertThatThrownBy(() -> client.describeTable(r -> r.tableName("Lifecycle")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.getItem(r -> r.tableName("Lifecycle")
                .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anOperationNotImplementedYetIsNamedThroughTheGateway() {
        assertThatThrownBy(() -> client.describeGlobalTable(r -> r.globalTableName("Music")))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The operation DescribeGlobalTable is not implemented by this server yet");
                });
    }

    @Test
    void listTablesPagesInNameOrder() {
        for (String name : List.of("Page-c", "Page-a", "Page-b")) {
            client.createTable(hashRangeTable(name));
        }
        List<String> seen = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListTablesResponse page = client.listTables(r -> r.limit(2).exclusiveStartTableName(from));
            assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
        } while (start != null);
        assertThat(seen).containsSubsequence("Page-a", "Page-b", "Page-c").isSorted();
    }

    @Test
    void creatingAnExistingTableIsResourceInUse() {
        client.createTable(hashRangeTable("Twice"));
        assertThatThrownBy(() -> client.createTable(hashRangeTable("Twice")))
                .isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void invalidTableDefinitionsGetValidationErrors() {
        assertThatThrownBy(() -> client.createTable(hashRangeTable("Bad").toBuilder()
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .build()))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> client.createTable(hashRangeTable("Bad").toBuilder()
                .billingMode(BillingMode.PROVISIONED).build()))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void itemsOfEveryTypeRoundTripThroughTheGateway() {
        client.createTable(hashRangeTable("Items"));
        Map<String, AttributeValue> item = everyType("p1", "10");
        client.putItem(r -> r.tableName("Items").item(item));
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("p1"), "sk", AttributeValue.fromN("10"));
        assertThat(client.getItem(r -> r.tableName("Items").key(key)).item()).isEqualTo(item);

        var deleted = client.deleteItem(r -> r.tableName("Items").key(key).returnValues(ReturnValue.ALL_OLD));
        assertThat(deleted.attributes()).isEqualTo(item);
        assertThat(client.getItem(r -> r.tableName("Items").key(key)).hasItem()).isFalse();
    }

    @Test
    void badItemsGetDynamoDbErrors() {
        client.createTable(hashRangeTable("Strict"));
        assertThatThrownBy(() -> client.putItem(r -> r.tableName("Strict").item(Map.of("pk", AttributeValue.fromS("a")))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("One or more parameter values were invalid: Missing the key sk in the item");
                });
        assertThatThrownBy(() -> client.putItem(r -> r.tableName("NoSuchTable").item(Map.of("pk", AttributeValue.fromS("a")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void protocolErrorsAreDynamoDbs() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String signed = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=host;x-amz-target, Signature=0000";

        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()))
                .header("X-Amz-Target", "DynamoDB_20120810.MakeCoffee").header("Authorization", signed)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("UnknownOperationException");
        assertThat(unknown.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(unknown.headers().firstValue("x-amz-crc32")).isPresent();

        HttpResponse<String> badJson = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables").header("Authorization", signed)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.body()).contains("SerializationException");

        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).contains("MissingAuthenticationTokenException")
                .contains("Request is missing Authentication Token");

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("healthy: ");
    }

    @Test
    void tableEventsArePublishedToKafka() {
        client.createTable(hashRangeTable("Announced"));
        client.deleteTable(r -> r.tableName("Announced"));

        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-table-events");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<TableEvent.Type> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TABLE_EVENTS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (!events.contains(TableEvent.Type.DELETED) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals("Announced")) {
                        TableEvent event = TableEvent.fromJson(record.value());
                        assertThat(event.tableName()).isEqualTo("Announced");
                        assertThat(event.table().keySchema().keyCount()).isEqualTo(2);
                        events.add(event.eventType());
                    }
                }
            }
        }
        assertThat(events).containsSubsequence(TableEvent.Type.CREATED, TableEvent.Type.DELETED);
    }
}
