package dev.ddb.standalone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import tools.jackson.databind.JsonNode;

import dev.ddb.common.json.Json;
import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;

/**
 * The real item-service stops under a running stack and starts again. Meanwhile the gateway answers
 * item operations at once (InternalServerError while connections are refused, then
 * ServiceUnavailableException once the circuit is open) and table operations as usual; afterwards
 * it serves items again by itself (open, half-open, closed), with no gateway restart.
 */
class ItemServiceOutageTest {

    /** Short windows so the circuit opens after a few refusals and tries again after a second. */
    private static final Map<String, String> QUICK_BREAKER = Map.of(
            "ddb.gateway.circuit-breaker.sliding-window-size", "4",
            "ddb.gateway.circuit-breaker.minimum-number-of-calls", "4",
            "ddb.gateway.circuit-breaker.wait-duration-in-open-state", "1s");
    /** Well under the gateway's 10 s request timeout, with room for a loaded build machine. */
    private static final Duration FAST = Duration.ofSeconds(5);
    private static final String TABLE = "Outage";
    private static final String GET_ITEM = "{\"TableName\":\"" + TABLE + "\",\"Key\":{\"Id\":{\"S\":\"a\"}}}";
    private static final String SIGNATURE = "AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000";

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static DynamoDbClient dynamo;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startStack() {
        // The gateway reads these like any setting; they are cleared at once so no other stack sees them.
        QUICK_BREAKER.forEach(System::setProperty);
        try {
            stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        } finally {
            QUICK_BREAKER.keySet().forEach(System::clearProperty);
        }
        dynamo = Clients.dynamoDb(stack.gatewayUrl());
    }

    @AfterAll
    static void stopStack() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void gatewayAnswersAtOnceWhileItemServiceIsDownAndRecoversByItself() throws Exception {
        dynamo.createTable(b -> b.tableName(TABLE)
                .attributeDefinitions(d -> d.attributeName("Id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("Id").keyType(KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamo.putItem(b -> b.tableName(TABLE).item(Map.of(
                "Id", AttributeValue.fromS("a"), "Note", AttributeValue.fromS("written before the outage"))));

        stack.stopService("item-service");
        List<String> outageTypes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = getItem();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
            assertThat(response.statusCode()).isIn(500, 503);
            assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
            outageTypes.add(Json.read(response.body().getBytes(StandardCharsets.UTF_8)).get("__type").asString());
        }
        assertThat(outageTypes.get(0)).isEqualTo("com.amazonaws.dynamodb.v20120810#InternalServerError");
        assertThat(outageTypes.get(outageTypes.size() - 1)).isEqualTo("com.amazon.coral.service#ServiceUnavailableException");
        assertThat(dynamo.describeTable(b -> b.tableName(TABLE)).table().tableName()).isEqualTo(TABLE);

        stack.startService("item-service");
        HttpResponse<String> recovered = getItem();
        for (int attempt = 0; attempt < 100 && recovered.statusCode() != 200; attempt++) {
            Thread.sleep(200);
            recovered = getItem();
        }
        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(noteOf(recovered)).isEqualTo("written before the outage");
        // Past the half-open trial calls, into a closed circuit: every call goes through.
        for (int i = 0; i < 15; i++) {
            HttpResponse<String> response = getItem();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(noteOf(response)).isEqualTo("written before the outage");
        }
    }

    /** One GetItem as one HTTP request (an SDK client would retry and hide the timing). */
    private static HttpResponse<String> getItem() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
                .header("X-Amz-Date", "20250101T000000Z")
                .header("Authorization", SIGNATURE)
                .POST(HttpRequest.BodyPublishers.ofString(GET_ITEM))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String noteOf(HttpResponse<String> response) {
        JsonNode item = Json.read(response.body().getBytes(StandardCharsets.UTF_8)).get("Item");
        return item.get("Note").get("S").asString();
    }
}
