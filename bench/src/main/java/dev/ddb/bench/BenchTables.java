package dev.ddb.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Creates the benchmark tables afresh, loads the key space with concurrent BatchWriteItem, checks it. */
final class BenchTables {

    private static final int BATCH = 25;
    private static final Duration TABLE_WAIT = Duration.ofSeconds(120);

    private BenchTables() {
    }

    /** Deletes the table if it exists (a previous run), creates it and waits until it and its indexes are ACTIVE. */
    static void recreate(DynamoDbAsyncClient client, CreateTableRequest table) throws InterruptedException {
        String name = table.tableName();
        if (exists(client, name)) {
            delete(client, name);
        }
        join(client.createTable(table));
        long deadline = System.nanoTime() + TABLE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            TableDescription description = join(client.describeTable(r -> r.tableName(name))).table();
            if (description.tableStatus() == TableStatus.ACTIVE && description.globalSecondaryIndexes().stream()
                    .allMatch(index -> index.indexStatus() == null || index.indexStatus() == IndexStatus.ACTIVE)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Table " + name + " did not become ACTIVE within " + TABLE_WAIT.toSeconds() + " s");
    }

    static void delete(DynamoDbAsyncClient client, String name) throws InterruptedException {
        try {
            join(client.deleteTable(r -> r.tableName(name)));
        } catch (ResourceNotFoundException gone) {
            return;
        }
        long deadline = System.nanoTime() + TABLE_WAIT.toNanos();
        while (System.nanoTime() < deadline && exists(client, name)) {
            Thread.sleep(100);
        }
    }

    private static boolean exists(DynamoDbAsyncClient client, String name) {
        try {
            join(client.describeTable(r -> r.tableName(name)));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /**
     * Writes items 0..count-1 with {@code concurrency} BatchWriteItem requests in flight, resending
     * unprocessed items and retrying failed batches a few times.
     */
    static void load(DynamoDbAsyncClient client, String table, int count, IntFunction<Map<String, AttributeValue>> item,
                     int concurrency, Consumer<String> progress) throws InterruptedException {
        int batches = (count + BATCH - 1) / BATCH;
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicLong written = new AtomicLong();
        long started = System.nanoTime();
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-progress");
            t.setDaemon(true);
            return t;
        });
        reporter.scheduleAtFixedRate(() -> {
            double seconds = (System.nanoTime() - started) / 1e9;
            progress.accept(String.format("  %s: %,d of %,d items (%,.0f items/s)", table, written.get(), count, written.get() / seconds));
        }, 10, 10, TimeUnit.SECONDS);
        try {
            List<CompletableFuture<Void>> chains = new ArrayList<>();
            for (int i = 0; i < Math.min(concurrency, batches); i++) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                chains.add(done);
                chain(client, table, count, item, batches, nextBatch, written, done);
            }
            CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Loading " + table + " failed: " + e.getCause(), e.getCause());
        } finally {
            reporter.shutdownNow();
        }
    }

    /** One of the loader's request chains: takes the next batch when its last one is written. */
    private static void chain(DynamoDbAsyncClient client, String table, int count, IntFunction<Map<String, AttributeValue>> item,
                              int batches, AtomicInteger nextBatch, AtomicLong written, CompletableFuture<Void> done) {
        int batch = nextBatch.getAndIncrement();
        if (batch >= batches) {
            done.complete(null);
            return;
        }
        List<WriteRequest> writes = new ArrayList<>(BATCH);
        for (int i = batch * BATCH; i < Math.min(count, (batch + 1) * BATCH); i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item.apply(i)).build()).build());
        }
        int size = writes.size();
        write(client, table, writes, 0).whenComplete((ok, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                written.addAndGet(size);
                chain(client, table, count, item, batches, nextBatch, written, done);
            }
        });
    }

    private static CompletableFuture<Void> write(DynamoDbAsyncClient client, String table, List<WriteRequest> writes, int attempt) {
        return client.batchWriteItem(r -> r.requestItems(Map.of(table, writes)))
                .handle((response, error) -> {
                    if (error != null) {
                        if (attempt >= 5) {
                            throw new CompletionException(error);
                        }
                        return later(attempt).thenCompose(x -> write(client, table, writes, attempt + 1));
                    }
                    List<WriteRequest> unprocessed = response.hasUnprocessedItems()
                            ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
                    if (unprocessed.isEmpty()) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    return later(attempt).thenCompose(x -> write(client, table, unprocessed, Math.min(attempt + 1, 4)));
                })
                .thenCompose(next -> next);
    }

    private static CompletableFuture<Void> later(int attempt) {
        long delay = Math.min(1000, 20L << attempt);
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
    }

    /** Fails early when an endpoint does not hold what was loaded (a wrong URL, a half-working server). */
    static void check(DynamoDbAsyncClient client, Dataset data, boolean queryTable, boolean gsiTable) {
        int probe = ThreadLocalRandom.current().nextInt(data.items());
        Map<String, AttributeValue> item = join(client.getItem(r -> r.tableName(Dataset.KV_TABLE).key(data.kvKey(probe)))).item();
        if (item == null || !item.containsKey("d")) {
            throw new IllegalStateException("GetItem of loaded item " + probe + " found nothing");
        }
        if (gsiTable) {
            Map<String, AttributeValue> gsiItem = join(client.getItem(r -> r.tableName(Dataset.GSI_TABLE).key(data.kvKey(probe)))).item();
            if (gsiItem == null || !gsiItem.containsKey("g1") || !gsiItem.containsKey("g2")) {
                throw new IllegalStateException("GetItem of loaded item " + probe + " in " + Dataset.GSI_TABLE + " found nothing");
            }
            int inIndex = join(client.query(r -> r.tableName(Dataset.GSI_TABLE).indexName("by_g2").keyConditionExpression("g2 = :v")
                    .expressionAttributeValues(Map.of(":v", gsiItem.get("g2"))))).count();
            if (inIndex < 1) {
                throw new IllegalStateException("Index by_g2 of " + Dataset.GSI_TABLE + " does not hold item " + probe);
            }
        }
        if (queryTable) {
            int expected = Math.min(Dataset.PARTITION_SIZE, data.items());
            int count = join(client.query(r -> r.tableName(Dataset.QUERY_TABLE).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", data.partitionKey(0))))).count();
            if (count != expected) {
                throw new IllegalStateException("Query of partition 0 returned " + count + " items, not " + expected);
            }
        }
    }

    /** The answer, or the SDK's own exception (not wrapped in CompletionException). */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
