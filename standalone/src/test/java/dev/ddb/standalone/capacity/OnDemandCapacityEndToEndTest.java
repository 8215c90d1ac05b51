package dev.ddb.standalone.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.json.Json;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tools.jackson.databind.JsonNode;

/**
 * On-demand maximums (OnDemandThroughput) are enforced through the gateway: a client with the SDK's
 * retries turned off, writing as fast as it can to a PAY_PER_REQUEST table with MaxWriteRequestUnits
 * 10, gets about 10 writes a second once the burst (1 second of the maximum) is spent, and
 * ThrottlingException for the rest; UpdateTable changes the maximum at once; a transaction on a
 * throttled table is cancelled with ThrottlingError and writes nothing.
 */
class OnDemandCapacityEndToEndTest {

    private static final String MAX_EXCEEDED = "Throughput exceeds the maximum OnDemandThroughput configured on table or index";
    private static final String TRANSACTION_THROTTLED = "Throughput exceeds the current capacity of your table or index. "
            + "DynamoDB is automatically scaling your table or index so please try again shortly. If exceptions persist, "
            + "check if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create(stack.gatewayUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    @Test
    void writesToAnOnDemandTableAreThrottledToItsMaximumWithThrottlingException() {
        createTable("CappedWrites", max(null, 10L));
        AtomicInteger next = new AtomicInteger();
        Runnable put = () -> client.putItem(r -> r.tableName("CappedWrites").item(item("w" + next.incrementAndGet())));
        Rate burst = run(put, 1_500);
        assertThat(burst.throttled()).isPositive();
        Rate rate = run(put, 10_000);
        assertThat(rate.throttled()).isPositive();
        assertThat(rate.perSecond()).isCloseTo(10, within(2.0));

        ThrottlingException e = eventuallyThrottled(put);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(MAX_EXCEEDED);
        assertThat(e.throttlingReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.reason()).isEqualTo("TableWriteMaxOnDemandThroughputExceeded");
            assertThat(reason.resource()).isEqualTo(describe("CappedWrites").tableArn());
        });
        // reads have no maximum here
        for (int i = 0; i < 50; i++) {
            client.getItem(r -> r.tableName("CappedWrites").key(Map.of("id", s("w1"))));
        }
    }

    @Test
    void describeTableShowsTheMaximumsAndUpdateTableChangesTheRateAtOnce() throws InterruptedException {
        createTable("Changed", max(100L, 5L));
        TableDescription table = describe("Changed");
        assertThat(table.onDemandThroughput()).isEqualTo(max(100L, 5L));
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);

        AtomicInteger next = new AtomicInteger();
        Runnable put = () -> client.putItem(r -> r.tableName("Changed").item(item("c" + next.incrementAndGet())));
        run(put, 1_000);
        assertThat(run(put, 4_000).perSecond()).isCloseTo(5, within(1.5));

        client.updateTable(r -> r.tableName("Changed").onDemandThroughput(max(null, 15L)));
        assertThat(describe("Changed").onDemandThroughput()).isEqualTo(max(100L, 15L));
        run(put, 1_000);
        Rate raised = run(put, 6_000);
        assertThat(raised.throttled()).isPositive();
        assertThat(raised.perSecond()).isCloseTo(15, within(3.0));

        client.updateTable(r -> r.tableName("Changed").onDemandThroughput(max(-1L, -1L)));
        assertThat(describe("Changed").onDemandThroughput()).isNull();
        Thread.sleep(100);
        for (int i = 0; i < 200; i++) {
            put.run(); // no maximum: never throttled
        }
    }

    @Test
    void aTransactionOnAThrottledTableIsCancelledWithThrottlingErrorAndWritesNothing() {
        createTable("Ledger", max(1L, 1L));
        createTable("Audit", null);
        AtomicInteger next = new AtomicInteger();
        eventuallyThrottled(() -> client.putItem(r -> r.tableName("Ledger").item(item("l" + next.incrementAndGet()))));

        TransactWriteItem audit = TransactWriteItem.builder().put(p -> p.tableName("Audit").item(item("a1"))).build();
        TransactWriteItem ledger = TransactWriteItem.builder().put(p -> p.tableName("Ledger").item(item("t1"))).build();
        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(audit, ledger)))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ThrottlingError]");
                    List<CancellationReason> reasons = e.cancellationReasons();
                    assertThat(reasons).hasSize(2);
                    assertThat(reasons.get(0).code()).isEqualTo("None");
                    assertThat(reasons.get(0).message()).isNull();
                    assertThat(reasons.get(1).code()).isEqualTo("ThrottlingError");
                    assertThat(reasons.get(1).message()).isEqualTo(TRANSACTION_THROTTLED);
                });
        assertThat(client.getItem(r -> r.tableName("Audit").key(Map.of("id", s("a1"))).consistentRead(true)).hasItem()).isFalse();
        assertThat(client.getItem(r -> r.tableName("Audit").key(Map.of("id", s("t1"))).consistentRead(true)).hasItem()).isFalse();

        // reads: the Gets of the table out of read capacity say why
        client.putItem(r -> r.tableName("Audit").item(item("a2")));
        eventuallyThrottled(() -> client.getItem(r -> r.tableName("Ledger").key(Map.of("id", s("l1"))).consistentRead(true)));
        TransactGetItem auditGet = TransactGetItem.builder().get(g -> g.tableName("Audit").key(Map.of("id", s("a2")))).build();
        TransactGetItem ledgerGet = TransactGetItem.builder().get(g -> g.tableName("Ledger").key(Map.of("id", s("l1")))).build();
        assertThatThrownBy(() -> client.transactGetItems(r -> r.transactItems(ledgerGet, auditGet)))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(CancellationReason::code).containsExactly("ThrottlingError", "None"));
    }

    @Test
    void aBatchReturnsWhatTheMaximumDidNotAllowAsUnprocessedItems() {
        createTable("CappedBatch", max(null, 3L));
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("b" + i)).build()).build());
        }
        BatchWriteItemResponse first = client.batchWriteItem(r -> r.requestItems(Map.of("CappedBatch", writes)));
        assertThat(first.unprocessedItems()).containsKey("CappedBatch");
        assertThat(first.unprocessedItems().get("CappedBatch")).hasSizeBetween(15, 24);
        ThrottlingException none = eventuallyThrottled(() -> client.batchWriteItem(r -> r.requestItems(first.unprocessedItems())));
        assertThat(none.awsErrorDetails().errorMessage()).isEqualTo(MAX_EXCEEDED);
    }

    @Test
    void theThrottlingAnswerOnTheWireIsDynamoDbsAsAPlainHttpClientSeesIt() throws Exception {
        createTable("Wire", max(null, 1L));
        String arn = describe("Wire").tableArn();
        JsonNode answer = null;
        for (int i = 0; i < 50 && answer == null; i++) {
            HttpResponse<String> response = raw("PutItem", "{\"TableName\":\"Wire\",\"Item\":{\"id\":{\"S\":\"k" + i + "\"}}}");
            if (response.statusCode() != 200) {
                assertThat(response.statusCode()).isEqualTo(400);
                answer = Json.read(response.body().getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(answer).as("throttled within 50 writes").isNotNull();
        assertThat(answer.path("__type").stringValue()).endsWith("#ThrottlingException");
        assertThat(answer.path("message").stringValue()).isEqualTo(MAX_EXCEEDED);
        assertThat(answer.path("throttlingReasons").toString())
                .isEqualTo("[{\"reason\":\"TableWriteMaxOnDemandThroughputExceeded\",\"resource\":\"" + arn + "\"}]");

        HttpResponse<String> wrongType = raw("UpdateTable", "{\"TableName\":\"Wire\",\"OnDemandThroughput\":{\"MaxWriteRequestUnits\":\"5\"}}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        JsonNode serialization = Json.read(wrongType.body().getBytes(StandardCharsets.UTF_8));
        assertThat(serialization.path("__type").stringValue()).isEqualTo("com.amazon.coral.service#SerializationException");
        assertThat(serialization.path("Message").stringValue(serialization.path("message").stringValue(null)))
                .isEqualTo("STRING_VALUE cannot be converted to Long");
    }

    private static HttpResponse<String> raw(String operation, String body) throws Exception {
        String signed = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=host;x-amz-target, Signature=0000";
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()))
                .header("X-Amz-Target", "DynamoDB_20120810." + operation).header("Authorization", signed)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What {@code call} got done in {@code millis}, called again at once each time. */
    private static Rate run(Runnable call, long millis) {
        int accepted = 0;
        int throttled = 0;
        long started = System.nanoTime();
        long end = started + millis * 1_000_000;
        while (System.nanoTime() < end) {
            try {
                call.run();
                accepted++;
            } catch (ThrottlingException e) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(MAX_EXCEEDED);
                throttled++;
            }
        }
        return new Rate(accepted, throttled, (System.nanoTime() - started) / 1e9);
    }

    private record Rate(int accepted, int throttled, double seconds) {
        double perSecond() {
            return accepted / seconds;
        }
    }

    private static ThrottlingException eventuallyThrottled(Runnable call) {
        long end = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < end) {
            try {
                call.run();
            } catch (ThrottlingException e) {
                return e;
            }
        }
        throw new AssertionError("never throttled");
    }

    private static void createTable(String name, OnDemandThroughput maximums) {
        client.createTable(r -> r.tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .onDemandThroughput(maximums));
    }

    private static TableDescription describe(String name) {
        return client.describeTable(r -> r.tableName(name)).table();
    }

    private static OnDemandThroughput max(Long read, Long write) {
        return OnDemandThroughput.builder().maxReadRequestUnits(read).maxWriteRequestUnits(write).build();
    }

    /** About 1 KB: one write unit, one strongly consistent read unit. */
    private static Map<String, AttributeValue> item(String id) {
        return Map.of("id", s(id), "data", s("x".repeat(1000 - id.length())));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
