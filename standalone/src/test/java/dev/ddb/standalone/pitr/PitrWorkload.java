package dev.ddb.standalone.pitr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Puts, updates and deletes from several threads on a table made by {@link PitrEndToEndTest#createTable}
 * (GSI ByG on g), each thread on its own keys, keeping a model of the table: an item's state
 * after each acknowledged write. At chosen whole seconds the writers are paused across the second
 * (no write in flight: every write acknowledged before it, every later one sent after it), so the
 * model at that moment is exactly what a restore to that second must give.
 */
final class PitrWorkload {

    static final int GROUPS = 5;

    /** A chosen second and the table's items at it, by pk. */
    record Moment(Instant time, Map<String, Map<String, AttributeValue>> items) {
    }

    private DynamoDbClient client;
    private final String table;
    private final int threads;
    private final int keysPerThread;
    private final Map<String, Map<String, AttributeValue>> model = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock pause = new ReentrantReadWriteLock(true);

    PitrWorkload(DynamoDbClient client, String table, int threads, int keysPerThread) {
        this.client = client;
        this.table = table;
        this.threads = threads;
        this.keysPerThread = keysPerThread;
    }

    /** Goes on through another client (the stack restarted). */
    void client(DynamoDbClient other) {
        this.client = other;
    }

    Map<String, Map<String, AttributeValue>> model() {
        return new LinkedHashMap<>(model);
    }

    /** {@code writes} writes, pausing across {@code seconds} chosen whole seconds spread over them. */
    List<Moment> run(int writes, int seconds, long seed) throws Exception {
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                Random random = new Random(seed * 31 + thread);
                while (sent.getAndIncrement() < writes) {
                    pause.readLock().lock();
                    try {
                        write(random, thread, sent.get());
                    } finally {
                        pause.readLock().unlock();
                    }
                }
                return null;
            }));
        }
        List<Moment> moments = new ArrayList<>();
        for (int i = 1; i <= seconds; i++) {
            int at = writes * i / (seconds + 1);
            while (sent.get() < at) {
                Thread.sleep(5);
            }
            pause.writeLock().lock();
            try {
                // no write in flight: the next whole second, passed before any write goes on
                Instant second = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 1);
                while (!Instant.now().isAfter(second.plusMillis(20))) {
                    Thread.sleep(5);
                }
                moments.add(new Moment(second, model()));
            } finally {
                pause.writeLock().unlock();
            }
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        return moments;
    }

    private void write(Random random, int thread, int counter) {
        int k = random.nextInt(keysPerThread);
        String pk = "t" + thread + "-" + k;
        int sk = k % 7;
        double op = random.nextDouble();
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)));
        String g = "g" + random.nextInt(GROUPS);
        String v = "w" + counter + "-" + "x".repeat(random.nextInt(60));
        if (op < 0.5) {
            Map<String, AttributeValue> item = PitrEndToEndTest.item(pk, sk, g, v);
            client.putItem(r -> r.tableName(table).item(item));
            model.put(pk, item);
        } else if (op < 0.8) {
            client.updateItem(r -> r.tableName(table).key(key).updateExpression("SET g = :g, v = :v")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(g), ":v", AttributeValue.fromS(v))));
            model.put(pk, PitrEndToEndTest.item(pk, sk, g, v));
        } else {
            client.deleteItem(r -> r.tableName(table).key(key));
            model.remove(pk);
        }
    }

    /** The restored table holds exactly the model's items, by Scan and by a Query of each group on the GSI. */
    static void assertEquals(DynamoDbClient client, String restored, Map<String, Map<String, AttributeValue>> expected) {
        List<Map<String, AttributeValue>> scanned = new ArrayList<>();
        client.scanPaginator(r -> r.tableName(restored)).items().forEach(scanned::add);
        assertThat(scanned).as("Scan of %s", restored).hasSize(expected.size());
        assertThat(new HashSet<>(scanned)).as("Scan of %s", restored).isEqualTo(new HashSet<>(expected.values()));
        for (int group = 0; group < GROUPS; group++) {
            String g = "g" + group;
            List<Map<String, AttributeValue>> queried = new ArrayList<>();
            client.queryPaginator(r -> r.tableName(restored).indexName("ByG").keyConditionExpression("g = :g")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(g)))).items().forEach(queried::add);
            Set<Map<String, AttributeValue>> inGroup = new HashSet<>();
            expected.values().stream().filter(item -> item.get("g").s().equals(g)).forEach(inGroup::add);
            assertThat(queried).as("Query of %s on ByG for %s", restored, g).hasSize(inGroup.size());
            assertThat(new HashSet<>(queried)).as("Query of %s on ByG for %s", restored, g).isEqualTo(inGroup);
        }
    }
}
