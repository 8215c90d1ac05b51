package dev.ddb.standalone.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What a backup holds comes back whole: every attribute type, 100,000 items with their local and
 * global index, and a consistent snapshot of a table written to while it was taken.
 */
class BackupRoundTripEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int ITEMS = 100_000;
    private static final int LOADERS = 8;

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        client = Clients.dynamoDb(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    @Test
    void everyAttributeTypeComesBackEqual() {
        client.createTable(r -> r.tableName("Types")
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.B))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        Map<String, AttributeValue> nested = new LinkedHashMap<>();
        nested.put("list", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("-0.5"),
                AttributeValue.fromM(Map.of("deep", AttributeValue.fromL(List.of(AttributeValue.fromBool(false),
                        AttributeValue.fromNul(true), AttributeValue.fromSs(List.of("p", "q")))))))));
        nested.put("bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 127})));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3, -128})));
        item.put("S", AttributeValue.fromS("text with ünïcödé, \"quotes\", \\ and a\nnewline"));
        item.put("N", AttributeValue.fromN("12345678901234567890123456789012345678"));
        item.put("Nsmall", AttributeValue.fromN("-1.2345678901234567890123456789012345678E-120"));
        item.put("B", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {-1, 0, 1})));
        item.put("BOOL", AttributeValue.fromBool(true));
        item.put("NULL", AttributeValue.fromNul(true));
        item.put("M", AttributeValue.fromM(nested));
        item.put("L", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("two"),
                AttributeValue.fromL(List.of()), AttributeValue.fromM(Map.of()))));
        item.put("SS", AttributeValue.fromSs(List.of("a", "b", "c")));
        item.put("NS", AttributeValue.fromNs(List.of("1", "2.5", "99999999999999999999999999999999999999")));
        item.put("BS", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[] {2, 3}))));
        client.putItem(r -> r.tableName("Types").item(item));

        String backupArn = client.createBackup(r -> r.tableName("Types").backupName("types")).backupDetails().backupArn();
        Backups.awaitAvailable(client, backupArn, WAIT);
        client.restoreTableFromBackup(r -> r.targetTableName("TypesRestored").backupArn(backupArn));
        Backups.awaitActive(client, "TypesRestored", WAIT);

        Map<String, AttributeValue> restored = client.getItem(r -> r.tableName("TypesRestored")
                .key(Map.of("id", item.get("id"))).consistentRead(true)).item();
        assertThat(normalized(restored)).isEqualTo(normalized(item));
    }

    @Test
    void aHundredThousandItemsAndTheirIndexesComeBackEqual() throws Exception {
        client.createTable(r -> r.tableName("Big")
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("sk").attributeType(ScalarAttributeType.N),
                        d -> d.attributeName("score").attributeType(ScalarAttributeType.N),
                        d -> d.attributeName("grp").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .localSecondaryIndexes(i -> i.indexName("ByScore")
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("score").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                .globalSecondaryIndexes(i -> i.indexName("ByGroup")
                        .keySchema(k -> k.attributeName("grp").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        long loadStarted = System.nanoTime();
        load("Big", ITEMS);
        log("loaded %,d items in %.1f s", ITEMS, seconds(loadStarted));

        long backupStarted = System.nanoTime();
        String backupArn = client.createBackup(r -> r.tableName("Big").backupName("big")).backupDetails().backupArn();
        long backupItems = Backups.awaitAvailable(client, backupArn, WAIT).sourceTableDetails().itemCount();
        double backupSeconds = seconds(backupStarted);
        assertThat(backupItems).isEqualTo(ITEMS);

        long restoreStarted = System.nanoTime();
        client.restoreTableFromBackup(r -> r.targetTableName("BigRestored").backupArn(backupArn));
        Backups.awaitActive(client, "BigRestored", WAIT);
        double restoreSeconds = seconds(restoreStarted);
        log("backup of %,d items: %.1f s (%,.0f items/s); restore: %.1f s (%,.0f items/s)", ITEMS, backupSeconds,
                ITEMS / backupSeconds, restoreSeconds, ITEMS / restoreSeconds);

        assertThat(scanAll("BigRestored")).isEqualTo(scanAll("Big"));
        for (int group = 0; group < 37; group += 9) {
            String grp = "g" + group;
            assertThat(query("BigRestored", "ByGroup", "grp", grp)).isEqualTo(query("Big", "ByGroup", "grp", grp)).hasSizeGreaterThan(2000);
        }
        for (int partition = 0; partition < 1000; partition += 199) {
            String pk = "p" + partition;
            assertThat(query("BigRestored", "ByScore", "pk", pk)).isEqualTo(query("Big", "ByScore", "pk", pk)).hasSize(100);
        }
    }

    @Test
    void aBackupTakenWhileTransfersGoOnIsAConsistentSnapshot() throws Exception {
        int accounts = 20;
        client.createTable(r -> r.tableName("Bank")
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        for (int a = 0; a < accounts; a++) {
            String id = "acct" + a;
            client.putItem(r -> r.tableName("Bank").item(Map.of("id", AttributeValue.fromS(id), "balance", AttributeValue.fromN("1000"))));
        }
        AtomicBoolean transferring = new AtomicBoolean(true);
        AtomicLong transfers = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            running.add(writers.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (transferring.get()) {
                    int from = random.nextInt(accounts);
                    int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                    String amount = Integer.toString(1 + random.nextInt(50));
                    try {
                        client.transactWriteItems(t -> t.transactItems(
                                i -> i.update(u -> u.tableName("Bank").key(Map.of("id", AttributeValue.fromS("acct" + from)))
                                        .updateExpression("ADD balance :minus")
                                        .expressionAttributeValues(Map.of(":minus", AttributeValue.fromN("-" + amount)))),
                                i -> i.update(u -> u.tableName("Bank").key(Map.of("id", AttributeValue.fromS("acct" + to)))
                                        .updateExpression("ADD balance :plus")
                                        .expressionAttributeValues(Map.of(":plus", AttributeValue.fromN(amount))))));
                        transfers.incrementAndGet();
                    } catch (TransactionCanceledException e) {
                        // not expected (no conditions), harmless for the sum
                    }
                }
                return null;
            }));
        }
        try {
            while (transfers.get() < 200) {
                Thread.sleep(20);
            }
            List<String> backupArns = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                String arn = client.createBackup(r -> r.tableName("Bank").backupName("during")).backupDetails().backupArn();
                Backups.awaitAvailable(client, arn, WAIT);
                backupArns.add(arn);
            }
            long before = transfers.get();
            Thread.sleep(200);
            assertThat(transfers.get()).as("transfers went on while the backups were taken").isGreaterThan(before);
            for (int b = 0; b < backupArns.size(); b++) {
                String target = "BankRestored" + b;
                String arn = backupArns.get(b);
                client.restoreTableFromBackup(r -> r.targetTableName(target).backupArn(arn));
                Backups.awaitActive(client, target, WAIT);
                long sum = 0;
                for (Map<String, AttributeValue> account : client.scan(r -> r.tableName(target).consistentRead(true)).items()) {
                    sum += Long.parseLong(account.get("balance").n());
                }
                assertThat(sum).as("the sum of the balances in restore " + b).isEqualTo(1000L * accounts);
            }
        } finally {
            transferring.set(false);
            for (Future<?> writer : running) {
                writer.get();
            }
            writers.shutdown();
        }
        log("%,d transfers while backing up", transfers.get());
    }

    private static void load(String table, int items) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(LOADERS);
        List<Future<?>> loaders = new ArrayList<>();
        for (int l = 0; l < LOADERS; l++) {
            int loader = l;
            loaders.add(pool.submit(() -> {
                List<WriteRequest> batch = new ArrayList<>();
                for (int i = loader; i < items; i += LOADERS) {
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(bigItem(i)).build()).build());
                    if (batch.size() == 25 || i + LOADERS >= items) {
                        Map<String, List<WriteRequest>> requests = Map.of(table, List.copyOf(batch));
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

    private static Map<String, AttributeValue> bigItem(int i) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("p" + (i % 1000)));
        item.put("sk", AttributeValue.fromN(Integer.toString(i)));
        item.put("score", AttributeValue.fromN(Integer.toString((i * 7919) % 100_003)));
        item.put("grp", AttributeValue.fromS("g" + (i % 37)));
        item.put("payload", AttributeValue.fromS("item " + i + " of the round trip"));
        return item;
    }

    private static Set<Map<String, AttributeValue>> scanAll(String table) {
        Set<Map<String, AttributeValue>> items = new HashSet<>();
        client.scanPaginator(ScanRequest.builder().tableName(table).build()).items().forEach(items::add);
        return items;
    }

    private static List<Map<String, AttributeValue>> query(String table, String index, String key, String value) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.queryPaginator(QueryRequest.builder().tableName(table).indexName(index)
                        .keyConditionExpression("#k = :v").expressionAttributeNames(Map.of("#k", key))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value))).build())
                .items().forEach(items::add);
        return items;
    }

    /** Sets as sorted lists and numbers by value: DynamoDB keeps neither set order nor number spelling. */
    private static Object normalized(AttributeValue value) {
        return switch (value.type()) {
            case N -> new BigDecimal(value.n()).stripTrailingZeros();
            case NS -> value.ns().stream().map(n -> new BigDecimal(n).stripTrailingZeros()).sorted().toList();
            case SS -> value.ss().stream().sorted().toList();
            case BS -> value.bs().stream().map(b -> java.util.HexFormat.of().formatHex(b.asByteArray())).sorted().toList();
            case M -> normalized(value.m());
            case L -> value.l().stream().map(BackupRoundTripEndToEndTest::normalized).toList();
            default -> value;
        };
    }

    private static Map<String, Object> normalized(Map<String, AttributeValue> item) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        item.forEach((name, value) -> normalized.put(name, normalized(value)));
        return normalized;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void log(String format, Object... arguments) {
        System.out.printf("[BackupRoundTripEndToEndTest] " + format + "%n", arguments);
    }
}
