package dev.ddb.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** item-service alone, driven by the real AWS SDK, with tables provisioned through its internal endpoint. */
class ItemOperationsTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext context;
    private DynamoDbClient client;
    private int port;

    @BeforeEach
    void start() throws Exception {
        startService();
        provision("{\"TableName\":\"Things\",\"TableId\":\"t-1\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}]}");
        provision("{\"TableName\":\"Events\",\"TableId\":\"t-2\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
                + "\"AttributeType\":\"B\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}]}");
    }

    private void startService() {
        // command-line arguments: they take precedence over item-service.yml
        context = ItemServiceApplication.builder()
                .run("--server.port=0", "--ddb.item.data-dir=" + dataDir, "--spring.kafka.bootstrap-servers=localhost:1",
                "--spring.kafka.admin.auto-create=false"); // no Kafka here: the relay just keeps the outbox
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .build();
    }

    private void stopService() {
        client.close();
        context.close();
    }

    @AfterEach
    void stop() {
        stopService();
    }

    private void provision(String description) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/internal/tables"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(description)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
    }

    private static Map<String, AttributeValue> everyType() {
        return Map.ofEntries(
                Map.entry("id", AttributeValue.fromS("item-1")),
                Map.entry("s", AttributeValue.fromS("h\u00e9llo \u0000 world")),
                Map.entry("empty", AttributeValue.fromS("")),
                Map.entry("n", AttributeValue.fromN("-12345678901234567890.123456789012345678")),
                Map.entry("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xFF}))),
                Map.entry("bool", AttributeValue.fromBool(true)),
                Map.entry("nul", AttributeValue.fromNul(true)),
                Map.entry("l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("1"),
                        AttributeValue.fromL(List.of())))),
                Map.entry("m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromM(Map.of("deep", AttributeValue.fromBool(false)))))),
                Map.entry("ss", AttributeValue.fromSs(List.of("a", "b"))),
                Map.entry("ns", AttributeValue.fromNs(List.of("1", "2.5", "1E+100"))),
                Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"), SdkBytes.fromUtf8String("y")))));
    }

    @Test
    void everyAttributeTypeRoundTripsExactly() {
        client.putItem(r -> r.tableName("Things").item(everyType()));
        GetItemResponse got = client.getItem(r -> r.tableName("Things").key(Map.of("id", AttributeValue.fromS("item-1"))));
        Map<String, AttributeValue> expected = new java.util.HashMap<>(everyType());
        expected.put("ns", AttributeValue.fromNs(List.of("1", "2.5",
                "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")));
        assertThat(got.item()).isEqualTo(expected);
    }

    @Test
    void putReplacesAndReturnsTheOldItem() {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("k"));
        client.putItem(r -> r.tableName("Things").item(Map.of("id", AttributeValue.fromS("k"), "v", AttributeValue.fromN("1"))));
        var second = client.putItem(r -> r.tableName("Things").returnValues(ReturnValue.ALL_OLD)
                .item(Map.of("id", AttributeValue.fromS("k"), "w", AttributeValue.fromN("2"))));
        assertThat(second.attributes()).containsEntry("v", AttributeValue.fromN("1"));
        assertThat(client.getItem(r -> r.tableName("Things").key(key)).item())
                .isEqualTo(Map.of("id", AttributeValue.fromS("k"), "w", AttributeValue.fromN("2")));
    }

    @Test
    void deleteRemovesTheItemAndReturnsIt() {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("gone"));
        client.putItem(r -> r.tableName("Things").item(Map.of("id", AttributeValue.fromS("gone"), "x", AttributeValue.fromBool(true))));
        var deleted = client.deleteItem(r -> r.tableName("Things").key(key).returnValues(ReturnValue.ALL_OLD));
        assertThat(deleted.attributes()).containsEntry("x", AttributeValue.fromBool(true));
        assertThat(client.getItem(r -> r.tableName("Things").key(key)).hasItem()).isFalse();
        assertThat(client.deleteItem(r -> r.tableName("Things").key(key).returnValues(ReturnValue.ALL_OLD)).hasAttributes()).isFalse();
    }

    @Test
    void compositeBinaryAndNumberKeysAddressDistinctItems() {
        SdkBytes pk = SdkBytes.fromByteArray(new byte[] {0, 0, 1});
        client.putItem(r -> r.tableName("Events").item(Map.of("pk", AttributeValue.fromB(pk), "sk", AttributeValue.fromN("1.50"), "v", AttributeValue.fromS("a"))));
        client.putItem(r -> r.tableName("Events").item(Map.of("pk", AttributeValue.fromB(pk), "sk", AttributeValue.fromN("2"), "v", AttributeValue.fromS("b"))));
        // 1.5 and 1.50 are the same number, hence the same key
        var got = client.getItem(r -> r.tableName("Events").key(Map.of("pk", AttributeValue.fromB(pk), "sk", AttributeValue.fromN("1.5"))));
        assertThat(got.item()).containsEntry("v", AttributeValue.fromS("a")).containsEntry("sk", AttributeValue.fromN("1.5"));
    }

    @Test
    void itemsSurviveARestart() {
        client.putItem(r -> r.tableName("Things").item(everyType()));
        stopService();
        startService();
        assertThat(client.getItem(r -> r.tableName("Things").key(Map.of("id", AttributeValue.fromS("item-1")))).item())
                .containsEntry("n", AttributeValue.fromN("-12345678901234567890.123456789012345678"));
    }

    @Test
    void wrongOrMissingKeysGetDynamoDbValidationMessages() {
        assertValidation(() -> client.putItem(r -> r.tableName("Things").item(Map.of("other", AttributeValue.fromS("x")))),
                "One or more parameter values were invalid: Missing the key id in the item");
        assertValidation(() -> client.putItem(r -> r.tableName("Things").item(Map.of("id", AttributeValue.fromN("1")))),
                "One or more parameter values were invalid: Type mismatch for key id expected: S actual: N");
        assertValidation(() -> client.putItem(r -> r.tableName("Things").item(Map.of("id", AttributeValue.fromS("")))),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id");
        assertValidation(() -> client.getItem(r -> r.tableName("Things").key(Map.of("nope", AttributeValue.fromS("x")))),
                "The provided key element does not match the schema");
        assertValidation(() -> client.getItem(r -> r.tableName("Things").key(Map.of("id", AttributeValue.fromS("x"), "extra", AttributeValue.fromS("y")))),
                "The provided key element does not match the schema");
        assertValidation(() -> client.getItem(r -> r.tableName("Events").key(Map.of("pk", AttributeValue.fromB(SdkBytes.fromUtf8String("p"))))),
                "The provided key element does not match the schema");
        assertValidation(() -> client.putItem(r -> r.tableName("Things").item(Map.of("id", AttributeValue.fromS("x".repeat(2049))))),
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
        assertValidation(() -> client.putItem(r -> r.tableName("Things").item(Map.of("id", AttributeValue.fromS("k"), "big", AttributeValue.fromS("x".repeat(410_000))))),
                "Item size has exceeded the maximum allowed size");
        assertValidation(() -> client.putItem(r -> r.tableName("Things").returnValues(ReturnValue.ALL_NEW).item(Map.of("id", AttributeValue.fromS("k")))),
                "ReturnValues can only be ALL_OLD or NONE");
        assertValidation(() -> client.putItem(r -> r.tableName("Things").item(Map.of("id", AttributeValue.fromS("k"), "n", AttributeValue.fromN("1E+126")))),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    @Test
    void updateThatNestsBeyond32LevelsIsRejectedAndLeavesTheItemAsItWas() {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("doc"));
        client.putItem(r -> r.tableName("Things").item(Map.of("id", AttributeValue.fromS("doc"), "m", AttributeValue.fromM(Map.of()))));

        // m is level 1 and m.a level 2: a value 31 levels deep fits (its innermost string at level 32), 32 does not
        client.updateItem(r -> r.tableName("Things").key(key).updateExpression("SET m.a = :v")
                .expressionAttributeValues(Map.of(":v", nested(31))));
        assertValidation(() -> client.updateItem(r -> r.tableName("Things").key(key).updateExpression("SET m.b = :v")
                        .expressionAttributeValues(Map.of(":v", nested(32)))),
                "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");

        assertThat(client.getItem(r -> r.tableName("Things").key(key)).item().get("m").m()).containsOnlyKeys("a");
    }

    /** A string inside maps: {@code levels} levels deep counting the string. */
    private static AttributeValue nested(int levels) {
        AttributeValue value = AttributeValue.fromS("leaf");
        for (int i = 1; i < levels; i++) {
            value = AttributeValue.fromM(Map.of("a", value));
        }
        return value;
    }

    @Test
    void attributeNamesAsLongAsDynamoDbAllowsAreStoredAndReadBackOneByteMoreIsAValidationError() {
        // DynamoDB's limit is 65,535 bytes: the first has 32,768 characters, the second as many as bytes,
        // beyond the 50,000 characters Jackson reads by default
        String longest = "\u00e9".repeat(32_767) + "x";
        String nestedLongest = "y".repeat(65_535);
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("long"), longest, AttributeValue.fromN("1"),
                "m", AttributeValue.fromM(Map.of(nestedLongest, AttributeValue.fromS("inside"))));

        client.putItem(r -> r.tableName("Things").item(item));
        client.updateItem(r -> r.tableName("Things").key(Map.of("id", AttributeValue.fromS("long")))
                .updateExpression("SET #n = #n + :one").expressionAttributeNames(Map.of("#n", longest))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));

        Map<String, AttributeValue> stored = client.getItem(r -> r.tableName("Things").key(Map.of("id", AttributeValue.fromS("long")))).item();
        assertThat(stored.get(longest).n()).isEqualTo("2");
        assertThat(stored.get("m").m()).containsOnlyKeys(nestedLongest);
        assertThatThrownBy(() -> client.putItem(r -> r.tableName("Things").item(Map.of("id", AttributeValue.fromS("longer"),
                        "y".repeat(65_536), AttributeValue.fromS("x")))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).endsWith("at 'item' failed to satisfy constraint: "
                            + "Map keys must satisfy constraint: [Member must have length less than or equal to 65535]");
                });
    }

    @Test
    void batchWriteWithANullListForATableIsAValidationError() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.BatchWriteItem")
                .POST(HttpRequest.BodyPublishers.ofString("{\"RequestItems\":{\"Things\":null}}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("ValidationException")
                .contains("The batch write request list for a table cannot be null or empty: Things");
    }

    @Test
    void operationsOnAMissingTableAreResourceNotFound() {
        assertThatThrownBy(() -> client.getItem(r -> r.tableName("Missing").key(Map.of("id", AttributeValue.fromS("x")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
    }

    private static void assertValidation(Runnable call, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }
}
