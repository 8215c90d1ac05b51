package dev.ddb.standalone.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Known requests through the gateway with the real SDK, then each service's /actuator/prometheus read
 * over HTTP: the meters named after DynamoDB's CloudWatch metrics moved by exactly those requests,
 * with the table and operation tags. Each table is new, so its meters start at zero.
 */
class CloudWatchMetricsEndToEndTest {

    private static final String BURST = "ddb.item.capacity.burst-seconds";
    private static final int PUTS = 5;
    private static final int GETS = 3;

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;
    static Map<String, String> metrics;

    @BeforeAll
    static void start() {
        // a 1-second burst, so that a 1-WCU table throttles at once (cleared so other tests keep the default)
        System.setProperty(BURST, "1");
        try {
            stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        } finally {
            System.clearProperty(BURST);
        }
        client = Clients.dynamoDbWithoutRetries(stack.gatewayUrl());
        metrics = stack.metricsUrls();
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    @Test
    void requestsCapacityErrorsAndReturnedItemsAreCountedPerTableAndOperation() {
        createTable("Metered", BillingMode.PAY_PER_REQUEST, 0);
        for (int i = 0; i < PUTS; i++) {
            int sortKey = i;
            client.putItem(r -> r.tableName("Metered").item(Map.of("pk", s("p"), "sk", n(sortKey), "v", s("value"))));
        }
        for (int i = 0; i < GETS; i++) {
            int sortKey = i;
            client.getItem(r -> r.tableName("Metered").key(Map.of("pk", s("p"), "sk", n(sortKey))));
        }
        assertThatThrownBy(() -> client.putItem(r -> r.tableName("Metered")
                .item(Map.of("pk", s("p"), "sk", n(0))).conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> client.getItem(r -> r.tableName("Metered").key(Map.of("pk", s("p")))))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("key element does not match the schema");
        int returned = client.query(r -> r.tableName("Metered").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p")))).count();
        assertThat(returned).isEqualTo(PUTS);

        PrometheusScrape items = PrometheusScrape.of(metrics.get("item-service"));
        assertThat(items.value("dynamodb_requests_total", "operation", "PutItem", "table", "Metered")).isEqualTo(PUTS + 1);
        assertThat(items.value("dynamodb_successful_request_latency_seconds_count", "operation", "PutItem", "table", "Metered"))
                .isEqualTo(PUTS);
        assertThat(items.value("dynamodb_successful_request_latency_seconds_bucket", "operation", "GetItem", "table", "Metered",
                "le", "+Inf")).isEqualTo(GETS);
        assertThat(items.value("dynamodb_requests_total", "operation", "GetItem", "table", "Metered")).isEqualTo(GETS + 1);
        assertThat(items.value("dynamodb_conditional_check_failed_requests_total", "operation", "PutItem", "table", "Metered"))
                .isEqualTo(1);
        assertThat(items.value("dynamodb_user_errors_total", "operation", "GetItem", "table", "Metered")).isEqualTo(1);
        assertThat(items.value("dynamodb_user_errors_total", "table", "Metered")).as("a failed condition is no user error")
                .isEqualTo(1);
        assertThat(items.value("dynamodb_system_errors_total", "table", "Metered")).isZero();
        // 5 puts of 1 WCU, and the failed condition's write is charged as DynamoDB does
        assertThat(items.value("dynamodb_consumed_write_capacity_units_total", "table", "Metered", "index", "")).isEqualTo(PUTS + 1);
        // 3 eventually consistent reads of small items (0.5 each) and a Query of 5 small items (0.5)
        assertThat(items.value("dynamodb_consumed_read_capacity_units_total", "table", "Metered", "index", "")).isEqualTo(2.0);
        assertThat(items.value("dynamodb_returned_item_count_sum", "operation", "Query", "table", "Metered")).isEqualTo(PUTS);
        assertThat(items.value("dynamodb_returned_item_count_count", "operation", "Query", "table", "Metered")).isEqualTo(1);
        assertThat(items.value("dynamodb_requests_total", "operation", "PutItem", "table", "Metered", "service", "item-service"))
                .isEqualTo(PUTS + 1);
        assertThat(items.value("ddb_group_commit_batch_size_changes_count")).isPositive();
        // CreateTable checkpoints at once
        assertThat(items.value("ddb_checkpoint_writers_held_seconds_count")).isPositive();
        assertThat(items.value("ddb_checkpoint_fsync_seconds_count")).isPositive();
        assertThat(items.value("ddb_store_file_size_bytes")).isPositive();
        assertThat(items.has("ddb_outbox_depth")).isTrue();

        PrometheusScrape tables = PrometheusScrape.of(metrics.get("table-service"));
        assertThat(tables.value("dynamodb_requests_total", "operation", "CreateTable", "table", "Metered")).isEqualTo(1);
    }

    @Test
    void aThrottledWriteCountsAsThrottledRequestAndWriteThrottleEvent() {
        createTable("OneUnit", BillingMode.PROVISIONED, 1);
        // 5 KB: 5 WCU from a bucket of 1, which leaves it in debt for 4 seconds
        client.putItem(r -> r.tableName("OneUnit").item(Map.of("pk", s("big"), "sk", n(1), "data", s("x".repeat(5000)))));
        assertThatThrownBy(() -> client.putItem(r -> r.tableName("OneUnit").item(Map.of("pk", s("small"), "sk", n(1)))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);

        PrometheusScrape items = PrometheusScrape.of(metrics.get("item-service"));
        assertThat(items.value("dynamodb_throttled_requests_total", "operation", "PutItem", "table", "OneUnit")).isEqualTo(1);
        assertThat(items.value("dynamodb_write_throttle_events_total", "table", "OneUnit", "index", "")).isEqualTo(1);
        assertThat(items.value("dynamodb_read_throttle_events_total", "table", "OneUnit")).isZero();
        assertThat(items.value("dynamodb_user_errors_total", "table", "OneUnit")).as("a throttled request is no user error").isZero();
        assertThat(items.value("dynamodb_consumed_write_capacity_units_total", "table", "OneUnit", "index", "")).isEqualTo(5);
        assertThat(items.value("dynamodb_successful_request_latency_seconds_count", "operation", "PutItem", "table", "OneUnit"))
                .isEqualTo(1);
        assertThat(eventually(() -> PrometheusScrape.of(metrics.get("item-service"))
                .value("dynamodb_provisioned_write_capacity_units", "table", "OneUnit", "index", ""))).isEqualTo(1);
    }

    @Test
    void everyServiceServesPrometheusAndReadiness() throws Exception {
        assertThat(metrics).containsOnlyKeys("gateway-service", "table-service", "item-service", "stream-service", "backup-service");
        HttpClient http = HttpClient.newHttpClient();
        for (Map.Entry<String, String> service : metrics.entrySet()) {
            PrometheusScrape scrape = PrometheusScrape.of(service.getValue());
            assertThat(scrape.value("jvm_threads_live_threads", "service", service.getKey())).as(service.getKey()).isPositive();
            String readiness = service.getValue().replace("/actuator/prometheus", "/actuator/health/readiness");
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(readiness)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(readiness).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"UP\"");
            if (!service.getKey().equals("gateway-service")) {
                assertThat(ready.body()).as(readiness).contains("\"store\"");
                assertThat(scrape.value("ddb_store_file_size_bytes")).as(service.getKey()).isPositive();
            }
            if (service.getKey().equals("stream-service")) {
                assertThat(ready.body()).as(readiness).contains("\"kafka\":{\"status\":\"UP\"");
            }
        }
    }

    private static double eventually(Supplier<Double> value) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double last = value.get();
        while (last == 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = value.get();
        }
        return last;
    }

    private static void createTable(String name, BillingMode billing, long units) {
        client.createTable(r -> {
            r.tableName(name)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                    .billingMode(billing);
            if (billing == BillingMode.PROVISIONED) {
                r.provisionedThroughput(p -> p.readCapacityUnits(units).writeCapacityUnits(units));
            }
        });
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}
