package dev.ddb.standalone.indexes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LauncherProcess;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Issue 9: "A GSI created on a table of 100,000 items while writes go on ends ACTIVE and
 * complete." Too slow for every build, so it runs only with {@code -Dddb.largeBackfill=true}
 * ({@code -Dddb.largeBackfill.items=N} for another size):
 *
 * <pre>
 * mvn -B -ntp -pl standalone -am test -Dtest=LargeIndexBackfillTest -Dsurefire.failIfNoSpecifiedTests=false -Dddb.largeBackfill=true
 * </pre>
 *
 * The items are loaded with BatchWriteItem under ASYNC durability; the stack is then stopped and
 * started again with SYNC durability (the default), and UpdateTable adds a GSI while two writers
 * keep writing (moving items to another index key, removing it, new items, deletes, non-key
 * changes of a projected attribute). Once DescribeTable says ACTIVE, the index read completely
 * equals the index recomputed from a full table scan, and its count (Scan COUNT) is the number
 * of items that have the key attribute; DescribeTable's ItemCount, the count when the index
 * became ACTIVE, is off by no more than the writes since. Load and backfill times are printed to
 * the test's output ({@code target/surefire-reports/...LargeIndexBackfillTest-output.txt}).
 *
 * <p>A second test kills the launcher (a separate process) with SIGKILL during the backfill of
 * 30,000 items ({@code -Dddb.largeBackfill.killedItems=N}); started again it resumes, and the
 * index ends ACTIVE and complete.
 */
@EnabledIfSystemProperty(named = "ddb.largeBackfill", matches = "true")
class LargeIndexBackfillTest {

    private static final String TABLE = "Big";
    private static final String INDEX = "ByGroup";
    private static final int ITEMS = Integer.getInteger("ddb.largeBackfill.items", 100_000);
    private static final int PARTITIONS = 1000;
    private static final int GROUPS = 50;
    private static final int LOADERS = 4;
    private static final String PADDING = "x".repeat(100);

    @TempDir
    Path dataDir;

    @Test
    void aGlobalIndexCreatedOnALargeTableUnderWritesEndsActiveAndComplete() throws Exception {
        // 1. The table and its items (ASYNC: the load is not what this is about).
        try (LocalStack stack = LocalStack.start(settings("ASYNC")); DynamoDbClient client = Clients.dynamoDb(stack.gatewayUrl())) {
            createTable(client);
            long loading = System.nanoTime();
            load(client, ITEMS);
            log("loaded %,d items in %,d ms (%,.0f items/s), BatchWriteItem of 25 from %d threads, ASYNC",
                    ITEMS, millisSince(loading), ITEMS * 1e9 / (System.nanoTime() - loading), LOADERS);
        }

        // 2. SYNC, as by default; the index is added under two writers.
        try (LocalStack stack = LocalStack.start(settings("SYNC")); DynamoDbClient client = Clients.dynamoDb(stack.gatewayUrl())) {
            long counting = System.nanoTime();
            assertThat(count(client, null)).as("items after the restart").isEqualTo(ITEMS);
            log("counted %,d items after the restart in %,d ms", ITEMS, millisSince(counting));

            Writers writers = new Writers(client, ITEMS, 100, () -> false);
            Thread.sleep(500);
            long backfilling = System.nanoTime();
            long writesBefore = writers.writes.get();
            createIndex(client);
            GlobalSecondaryIndexDescription index = describeIndex(client);
            log("UpdateTable answered in %,d ms: %s, Backfilling %s", millisSince(backfilling), index.indexStatus(), index.backfilling());
            awaitActive(client, writers);
            long backfillMillis = millisSince(backfilling);
            long writesDuring = writers.writes.get() - writesBefore;
            log("ACTIVE after %,d ms (%,.0f items/s) while the writers made %,d writes (%,.0f/s)", backfillMillis,
                    ITEMS * 1000.0 / backfillMillis, writesDuring, writesDuring * 1000.0 / backfillMillis);

            long writesAtActive = writers.writes.get();
            Thread.sleep(2000); // writes go on after the backfill, too
            writers.stop();
            long writesAfterActive = writers.writes.get() - writesAtActive;
            log("%,d writes in all, %,d after ACTIVE", writers.writes.get(), writesAfterActive);

            // 3. Complete: the index equals the one recomputed from the table.
            assertIndexComplete(client, ITEMS, writesAfterActive);
        }
    }

    /**
     * The same, smaller, with a SIGKILL of the launcher (a separate process, SYNC durability)
     * while the backfill runs: started again, it resumes the backfill, and the index ends ACTIVE
     * and complete.
     */
    @Test
    void aBackfillKilledMidwayResumesAfterTheRestartAndEndsActiveAndComplete() throws Exception {
        int items = Integer.getInteger("ddb.largeBackfill.killedItems", 30_000);
        Path logs = Path.of("target", "LargeIndexBackfillTest");
        AtomicBoolean killing = new AtomicBoolean();
        long writesBeforeKill;
        try (LauncherProcess first = LauncherProcess.start(dataDir, "SYNC", logs.resolve("launch-1.log"));
             DynamoDbClient client = Clients.dynamoDb(first.endpoint())) {
            createTable(client);
            long loading = System.nanoTime();
            load(client, items);
            log("loaded %,d items in %,d ms, SYNC", items, millisSince(loading));
            Writers writers = new Writers(client, items, 200, killing::get);
            Thread.sleep(500);
            long backfilling = System.nanoTime();
            createIndex(client);
            Thread.sleep(1500);
            GlobalSecondaryIndexDescription index = describeIndex(client);
            log("%,d ms after UpdateTable: %s, Backfilling %s, ItemCount %,d; kill -9", millisSince(backfilling),
                    index.indexStatus(), index.backfilling(), index.itemCount());
            killing.set(true);
            first.kill();
            writers.stop();
            writesBeforeKill = writers.writes.get();
        }
        try (LauncherProcess second = LauncherProcess.start(dataDir, "SYNC", logs.resolve("launch-2.log"));
             DynamoDbClient client = Clients.dynamoDb(second.endpoint())) {
            GlobalSecondaryIndexDescription index = describeIndex(client);
            log("restarted: %s, Backfilling %s, ItemCount %,d", index.indexStatus(), index.backfilling(), index.itemCount());
            long resuming = System.nanoTime();
            Writers writers = new Writers(client, items, 300, () -> false);
            awaitActive(client, writers);
            log("ACTIVE %,d ms after the restart", millisSince(resuming));
            long writesAtActive = writers.writes.get();
            Thread.sleep(1000);
            writers.stop();
            log("%,d writes before the kill, %,d after the restart", writesBeforeKill, writers.writes.get());
            assertIndexComplete(client, items, writers.writes.get() - writesAtActive);
        }
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)));
    }

    private static void createIndex(DynamoDbClient client) {
        client.updateTable(r -> r.tableName(TABLE).attributeDefinitions(def("grp", ScalarAttributeType.S), def("sk", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(INDEX)
                        .keySchema(key("grp", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("n").build()))));
    }

    private static void awaitActive(DynamoDbClient client, Writers writers) throws InterruptedException {
        GlobalSecondaryIndexDescription index = describeIndex(client);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (index.indexStatus() != IndexStatus.ACTIVE && System.nanoTime() < deadline && writers.running()) {
            Thread.sleep(1000);
            index = describeIndex(client);
        }
        assertThat(index.indexStatus()).as("index status").isEqualTo(IndexStatus.ACTIVE);
    }

    /**
     * The index read completely (Scan on IndexName) equals the index recomputed from a full table
     * scan; its Scan COUNT is the number of items with the key attribute, DescribeTable's
     * ItemCount off by no more than the writes since it became ACTIVE; a sample of its partitions
     * by Query, too.
     */
    private static void assertIndexComplete(DynamoDbClient client, int items, long writesAfterActive) {
        long checking = System.nanoTime();
        Map<String, Map<String, AttributeValue>> expected = new TreeMap<>();
        long tableItems = 0;
        for (Map<String, AttributeValue> item : client.scanPaginator(r -> r.tableName(TABLE).consistentRead(true)).items()) {
            tableItems++;
            if (item.containsKey("grp")) {
                Map<String, AttributeValue> entry = new TreeMap<>();
                for (String name : List.of("pk", "sk", "grp", "n")) {
                    if (item.containsKey(name)) {
                        entry.put(name, item.get(name));
                    }
                }
                expected.put(tableKey(item), entry);
            }
        }
        Map<String, Map<String, AttributeValue>> actual = new TreeMap<>();
        List<String> differences = new ArrayList<>();
        for (Map<String, AttributeValue> entry : client.scanPaginator(r -> r.tableName(TABLE).indexName(INDEX)).items()) {
            if (actual.put(tableKey(entry), new TreeMap<>(entry)) != null) {
                differences.add("read twice: " + tableKey(entry));
            }
        }
        expected.forEach((key, entry) -> {
            if (!entry.equals(actual.get(key))) {
                differences.add(key + ": index has " + actual.get(key) + ", table says " + entry);
            }
        });
        actual.keySet().stream().filter(key -> !expected.containsKey(key)).forEach(key -> differences.add(key + ": extra " + actual.get(key)));
        log("compared %,d index entries with %,d table items in %,d ms: %d differences%s", actual.size(), tableItems,
                millisSince(checking), differences.size(), differences.isEmpty() ? "" : ", first " + differences.subList(0, Math.min(20, differences.size())));
        assertThat(differences).isEmpty();
        assertThat(count(client, INDEX)).as("Scan COUNT of the index").isEqualTo(expected.size());
        // DescribeTable's ItemCount is the count when the index became ACTIVE (DynamoDB, too, updates it
        // only now and then): off by at most one per write since then (and the two in flight then).
        long describedCount = describeIndex(client).itemCount();
        log("DescribeTable's ItemCount %,d, index %,d", describedCount, expected.size());
        assertThat(describedCount).as("DescribeTable's ItemCount of the index")
                .isBetween(expected.size() - writesAfterActive - 2, expected.size() + writesAfterActive + 2);
        assertThat(expected.size()).isGreaterThan(items / 2);

        for (int g = 0; g < GROUPS; g += 7) {
            String group = group(g);
            List<String> queried = client.queryPaginator(r -> r.tableName(TABLE).indexName(INDEX)
                    .keyConditionExpression("grp = :g").expressionAttributeValues(Map.of(":g", AttributeValue.fromS(group))))
                    .items().stream().map(LargeIndexBackfillTest::tableKey).sorted().toList();
            List<String> wanted = expected.entrySet().stream().filter(e -> e.getValue().get("grp").s().equals(group))
                    .map(Map.Entry::getKey).sorted().toList();
            assertThat(queried).as("Query of %s", group).isEqualTo(wanted);
        }
        log("index complete: %,d entries = items with grp", expected.size());
    }

    private StackSettings settings(String durability) {
        return StackSettings.ephemeral(dataDir).withDurability(durability);
    }

    private static void load(DynamoDbClient client, int items) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(LOADERS);
        List<Future<?>> loaders = new ArrayList<>();
        for (int l = 0; l < LOADERS; l++) {
            int loader = l;
            loaders.add(pool.submit(() -> {
                List<WriteRequest> batch = new ArrayList<>();
                for (int i = loader; i < items; i += LOADERS) {
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(i, i % 5 == 0 ? null : group(i % GROUPS))).build()).build());
                    if (batch.size() == 25 || i + LOADERS >= items) {
                        Map<String, List<WriteRequest>> requests = Map.of(TABLE, List.copyOf(batch));
                        while (!requests.isEmpty()) {
                            Map<String, List<WriteRequest>> sending = requests;
                            BatchWriteItemResponse response = client.batchWriteItem(r -> r.requestItems(sending));
                            requests = response.unprocessedItems();
                        }
                        batch.clear();
                    }
                }
                return null;
            }));
        }
        for (Future<?> loader : loaders) {
            loader.get();
        }
        pool.shutdown();
    }

    /**
     * Two writers on items of the loaded range and new ones after it; some writes give an item
     * another index key, remove it, or change only the projected attribute. Idempotent writes, so
     * the SDK's retries are harmless; a write failing while {@code killing} ends its writer.
     */
    private static final class Writers {
        final AtomicLong writes = new AtomicLong();
        private final AtomicBoolean writing = new AtomicBoolean(true);
        private final ExecutorService pool = Executors.newFixedThreadPool(2);
        private final List<Future<?>> running = new ArrayList<>();

        Writers(DynamoDbClient client, int items, long seed, BooleanSupplier killing) {
            for (int w = 0; w < 2; w++) {
                Random random = new Random(seed + w);
                running.add(pool.submit(() -> {
                    try {
                        write(client, items, random, writing, writes);
                    } catch (SdkException e) {
                        if (!killing.getAsBoolean()) {
                            throw e;
                        }
                    }
                    return null;
                }));
            }
        }

        boolean running() {
            return running.stream().noneMatch(Future::isDone);
        }

        void stop() throws Exception {
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get(1, TimeUnit.MINUTES);
            }
            pool.shutdown();
        }
    }

    private static void write(DynamoDbClient client, int items, Random random, AtomicBoolean writing, AtomicLong writes) {
        while (writing.get()) {
            int i = random.nextInt(items + items / 10);
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(partition(i)), "sk", AttributeValue.fromN(Integer.toString(i)));
            int kind = random.nextInt(10);
            if (kind < 4) {
                client.updateItem(r -> r.tableName(TABLE).key(key).updateExpression("SET grp = :g")
                        .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(group(random.nextInt(GROUPS))))));
            } else if (kind < 5) {
                client.updateItem(r -> r.tableName(TABLE).key(key).updateExpression("REMOVE grp"));
            } else if (kind < 6) {
                client.updateItem(r -> r.tableName(TABLE).key(key).updateExpression("SET n = :n")
                        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Integer.toString(random.nextInt(1_000_000))))));
            } else if (kind < 9) {
                client.putItem(r -> r.tableName(TABLE).item(item(i, random.nextInt(5) == 0 ? null : group(random.nextInt(GROUPS)))));
            } else {
                client.deleteItem(r -> r.tableName(TABLE).key(key));
            }
            writes.incrementAndGet();
        }
    }

    private static Map<String, AttributeValue> item(int i, String group) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(partition(i)));
        item.put("sk", AttributeValue.fromN(Integer.toString(i)));
        item.put("n", AttributeValue.fromN(Integer.toString(i * 7)));
        item.put("pad", AttributeValue.fromS(PADDING));
        if (group != null) {
            item.put("grp", AttributeValue.fromS(group));
        }
        return item;
    }

    private static String partition(int i) {
        return String.format("p%04d", i % PARTITIONS);
    }

    private static String group(int g) {
        return String.format("g%02d", g);
    }

    private static String tableKey(Map<String, AttributeValue> item) {
        return item.get("pk").s() + "/" + item.get("sk").n();
    }

    private static long count(DynamoDbClient client, String indexName) {
        long count = 0;
        for (var page : client.scanPaginator(r -> r.tableName(TABLE).indexName(indexName).select(Select.COUNT))) {
            count += page.count();
        }
        return count;
    }

    private static GlobalSecondaryIndexDescription describeIndex(DynamoDbClient client) {
        return client.describeTable(r -> r.tableName(TABLE)).table().globalSecondaryIndexes().stream()
                .filter(index -> index.indexName().equals(INDEX)).findFirst().orElseThrow();
    }

    private static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[LargeIndexBackfillTest] " + format + "%n", args);
        System.out.flush();
    }
}
