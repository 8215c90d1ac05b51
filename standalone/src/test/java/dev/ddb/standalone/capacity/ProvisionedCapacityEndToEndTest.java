package dev.ddb.standalone.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Provisioned throughput is enforced: a client with the SDK's retries turned off, calling as fast
 * as it can, sees ProvisionedThroughputExceededException and gets the provisioned rate once the
 * burst is spent. The burst window is 1 second here ({@code ddb.item.capacity.burst-seconds}; DynamoDB
 * keeps 300) so that it is spent at once.
 */
class ProvisionedCapacityEndToEndTest {

    private static final String BURST = "ddb.item.capacity.burst-seconds";
    private static final String TABLE_MESSAGE = "The level of configured provisioned throughput for the table was exceeded."
            + " Consider increasing your provisioning level with the UpdateTable API.";

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;

    @BeforeAll
    static void start() {
        // read when item-service starts; cleared at once so that other tests in this JVM keep the default
        System.setProperty(BURST, "1");
        try {
            stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        } finally {
            System.clearProperty(BURST);
        }
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
    void writesAreThrottledToTheProvisionedWriteCapacity() {
        createTable("Writes", 10, 10, null);
        AtomicInteger next = new AtomicInteger();
        Runnable put = () -> client.putItem(r -> r.tableName("Writes").item(item("w" + next.incrementAndGet())));
        Rate burst = run(put, 1_500);
        assertThat(burst.throttled()).isPositive();
        Rate rate = run(put, 10_000);
        assertThat(rate.throttled()).isPositive();
        assertThat(rate.perSecond()).isCloseTo(10, within(2.0));
    }

    @Test
    void readsAreThrottledToTheProvisionedReadCapacityWithEventualReadsAtHalfTheUnits() {
        createTable("Reads", 10, 100, null);
        client.putItem(r -> r.tableName("Reads").item(item("r")));
        Runnable strong = () -> client.getItem(r -> r.tableName("Reads").key(Map.of("id", s("r"))).consistentRead(true));
        run(strong, 1_500);
        Rate strongRate = run(strong, 8_000);
        assertThat(strongRate.throttled()).isPositive();
        assertThat(strongRate.perSecond()).isCloseTo(10, within(2.0));

        Runnable eventual = () -> client.getItem(r -> r.tableName("Reads").key(Map.of("id", s("r"))));
        run(eventual, 500);
        Rate eventualRate = run(eventual, 8_000);
        assertThat(eventualRate.throttled()).isPositive();
        assertThat(eventualRate.perSecond()).isCloseTo(20, within(4.0));
    }

    @Test
    void aGlobalIndexOutOfWriteCapacityThrottlesTheTablesWrites() {
        createTable("Indexed", 100, 1000, GlobalSecondaryIndex.builder().indexName("byOwner")
                .keySchema(KeySchemaElement.builder().attributeName("owner").keyType(KeyType.HASH).build())
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .provisionedThroughput(throughput(100, 1)).build());
        AtomicInteger next = new AtomicInteger();
        List<ProvisionedThroughputExceededException> throttled = new ArrayList<>();
        long end = System.currentTimeMillis() + 3_000;
        while (throttled.isEmpty() && System.currentTimeMillis() < end) {
            Map<String, AttributeValue> item = Map.of("id", s("g" + next.incrementAndGet()), "owner", s("o"));
            try {
                client.putItem(r -> r.tableName("Indexed").item(item));
            } catch (ProvisionedThroughputExceededException e) {
                throttled.add(e);
            }
        }
        assertThat(throttled).isNotEmpty();
        assertThat(throttled.get(0).awsErrorDetails().errorMessage()).startsWith(
                "The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded.");
        assertThat(throttled.get(0).statusCode()).isEqualTo(400);
        assertThat(throttled.get(0).throttlingReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.reason()).isEqualTo("IndexWriteProvisionedThroughputExceeded");
            assertThat(reason.resource()).endsWith(":table/Indexed/index/byOwner");
        });
    }

    @Test
    void aTransactionOnATableOutOfCapacityIsCancelledWithProvisionedThroughputExceededAndWritesNothing() {
        createTable("Transfers", 10, 1, null);
        AtomicInteger next = new AtomicInteger();
        ProvisionedThroughputExceededException single = eventuallyThrottled(
                () -> client.putItem(r -> r.tableName("Transfers").item(item("t" + next.incrementAndGet()))));
        assertThat(single.throttlingReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.reason()).isEqualTo("TableWriteProvisionedThroughputExceeded");
            assertThat(reason.resource()).endsWith(":table/Transfers");
        });

        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName("Transfers").item(item("tx"))).build();
        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(put)))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).singleElement().satisfies(reason -> {
                        assertThat(reason.code()).isEqualTo("ProvisionedThroughputExceeded");
                        assertThat(reason.message()).isEqualTo(TABLE_MESSAGE);
                    });
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Transaction cancelled, please refer cancellation reasons for specific reasons [ProvisionedThroughputExceeded]");
                });
        assertThat(client.getItem(r -> r.tableName("Transfers").key(Map.of("id", s("tx"))).consistentRead(true)).hasItem())
                .isFalse();
    }

    @Test
    void batchesReturnWhatCapacityDidNotAllowAsUnprocessedAndFailOnlyWhenNothingWasProcessed() {
        createTable("Batches", 2, 5, null);
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("b" + i)).build()).build());
        }
        BatchWriteItemResponse first = client.batchWriteItem(r -> r.requestItems(Map.of("Batches", writes)));
        assertThat(first.unprocessedItems()).containsKey("Batches");
        assertThat(first.unprocessedItems().get("Batches")).hasSizeBetween(15, 24);
        assertThat(eventuallyThrottled(() -> client.batchWriteItem(r -> r.requestItems(first.unprocessedItems()))).awsErrorDetails()
                .errorMessage()).isEqualTo(TABLE_MESSAGE);

        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            keys.add(Map.of("id", s("b" + i)));
        }
        KeysAndAttributes request = KeysAndAttributes.builder().keys(keys).consistentRead(true).build();
        BatchGetItemResponse got = client.batchGetItem(r -> r.requestItems(Map.of("Batches", request)));
        assertThat(got.unprocessedKeys()).containsKey("Batches");
        assertThat(got.unprocessedKeys().get("Batches").keys()).hasSizeBetween(15, 24);
        assertThat(got.responses().get("Batches").size() + got.unprocessedKeys().get("Batches").keys().size()).isLessThanOrEqualTo(25);
        eventuallyThrottled(() -> client.batchGetItem(r -> r.requestItems(got.unprocessedKeys())));
    }

    @Test
    void raisingTheCapacityWithUpdateTableLiftsTheThrottling() throws InterruptedException {
        createTable("Raised", 5, 5, null);
        AtomicInteger next = new AtomicInteger();
        Runnable put = () -> client.putItem(r -> r.tableName("Raised").item(item("u" + next.incrementAndGet())));
        assertThat(run(put, 1_000).throttled()).isPositive();

        client.updateTable(r -> r.tableName("Raised").provisionedThroughput(throughput(5, 2000)));
        long end = System.currentTimeMillis() + 20_000;
        int inARow = 0;
        while (inARow < 200 && System.currentTimeMillis() < end) {
            try {
                put.run();
                inARow++;
            } catch (ProvisionedThroughputExceededException e) {
                inARow = 0;
                Thread.sleep(50);
            }
        }
        assertThat(inARow).as("writes in a row without throttling after UpdateTable").isEqualTo(200);
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
            } catch (ProvisionedThroughputExceededException e) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(TABLE_MESSAGE);
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

    private static ProvisionedThroughputExceededException eventuallyThrottled(Runnable call) {
        long end = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < end) {
            try {
                call.run();
            } catch (ProvisionedThroughputExceededException e) {
                return e;
            }
        }
        throw new AssertionError("never throttled");
    }

    private static void createTable(String name, long read, long write, GlobalSecondaryIndex index) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        definitions.add(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build());
        if (index != null) {
            definitions.add(AttributeDefinition.builder().attributeName("owner").attributeType(ScalarAttributeType.S).build());
        }
        client.createTable(r -> {
            r.tableName(name).attributeDefinitions(definitions)
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .provisionedThroughput(throughput(read, write));
            if (index != null) {
                r.globalSecondaryIndexes(index);
            }
        });
    }

    private static ProvisionedThroughput throughput(long read, long write) {
        return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
    }

    /** About 1 KB: one write unit, one strongly consistent read unit. */
    private static Map<String, AttributeValue> item(String id) {
        return Map.of("id", s(id), "data", s("x".repeat(1000 - id.length())));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
