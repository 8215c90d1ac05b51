package dev.ddb.standalone.indexes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LauncherProcess;
import dev.ddb.standalone.indexes.MusicIndexes.IndexDefinition;
import dev.ddb.standalone.indexes.MusicIndexes.SongKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Issue 9's randomized index test with a crash: 8 writers race puts, updates (changing and
 * removing index keys), deletes, conditional, rejected and batched writes on a table with two
 * global indexes and a local one, through the gateway of the standalone launcher running as its
 * own process with SYNC durability. After a few thousand acknowledged writes the process is
 * killed with SIGKILL under the writers and started again on the same data directory. Then
 * every acknowledged write is there (a write in flight at the kill may or may not be), and every
 * index, read completely with Scan and with Query on IndexName, equals the index recomputed from
 * a full scan of the table. The writers then go on to 10,000 writes on the restarted stack, and
 * the same holds, exactly, at the end.
 *
 * <p>Bounded in time as well, for slow machines: the kill comes after 3,000 acknowledged writes or
 * 15 s of writing, whichever is first, and the writers stop after 10,000 writes in all or 25 s
 * of writing after the restart. Seeded: the writes each writer makes are the same every run;
 * where the kill falls (and, on a slow machine, how many writes there are) is not.
 * {@code -Dddb.indexKillNine.operations}, {@code -Dddb.indexKillNine.killAfter} and
 * {@code -Dddb.indexKillNine.seconds} (of writing before the kill and after the restart: "15,25")
 * change these.
 */
class IndexKillNineTest {

    private static final String TABLE = "Music";
    private static final int WRITERS = 8;
    private static final int OPERATIONS = Integer.getInteger("ddb.indexKillNine.operations", 10_000);
    private static final int KILL_AFTER = Integer.getInteger("ddb.indexKillNine.killAfter", 3_000);
    private static final String[] SECONDS = System.getProperty("ddb.indexKillNine.seconds", "15,25").split(",");
    private static final long NANOS_BEFORE_KILL = TimeUnit.SECONDS.toNanos(Long.parseLong(SECONDS[0].trim()));
    private static final long NANOS_AFTER_RESTART = TimeUnit.SECONDS.toNanos(Long.parseLong(SECONDS[1].trim()));
    private static final Path LOGS = Path.of("target", "IndexKillNineTest");

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWritesAndEveryIndexSurviveKillNineUnderEightWriters() throws Exception {
        List<SongWriter> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(new SongWriter(w, WRITERS, TABLE, 9_000 + w));
        }
        int perWriter = OPERATIONS / WRITERS;
        long started = System.nanoTime();

        // 1. Writes under 8 writers, then SIGKILL under them.
        int acknowledgedBeforeKill;
        try (LauncherProcess first = LauncherProcess.start(dataDir, "SYNC", LOGS.resolve("launch-1.log"))) {
            log("stack up in %d ms", millisSince(started));
            try (DynamoDbClient client = Clients.dynamoDb(first.endpoint())) {
                client.createTable(MusicIndexes.createTable(TABLE));
            }
            long writing = System.nanoTime();
            AtomicBoolean killing = new AtomicBoolean();
            AtomicInteger acknowledged = new AtomicInteger();
            try (DynamoDbClient client = LauncherProcess.clientWithoutRetries(first.endpoint())) {
                ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
                List<Future<?>> running = new ArrayList<>();
                for (SongWriter writer : writers) {
                    running.add(pool.submit(() -> writer.run(client, perWriter, () -> false, killing::get, acknowledged)));
                }
                while (acknowledged.get() < KILL_AFTER && System.nanoTime() - writing < NANOS_BEFORE_KILL
                        && running.stream().noneMatch(Future::isDone)) {
                    Thread.sleep(5);
                }
                assertNoFailures(writers);
                assertThat(running).as("writers still writing at the kill").noneMatch(Future::isDone);
                killing.set(true);
                first.kill();
                acknowledgedBeforeKill = acknowledged.get();
                for (Future<?> future : running) {
                    future.get(60, TimeUnit.SECONDS);
                }
                pool.shutdown();
            }
            log("%d writes acknowledged in %d ms (%.0f/s) before the kill; in flight at the kill: %s",
                    acknowledgedBeforeKill, millisSince(writing), acknowledgedBeforeKill * 1000.0 / millisSince(writing), inFlight(writers));
            assertNoFailures(writers);
        }

        long restarting = System.nanoTime();
        try (LauncherProcess second = LauncherProcess.start(dataDir, "SYNC", LOGS.resolve("launch-2.log"));
             DynamoDbClient client = Clients.dynamoDb(second.endpoint())) {
            log("stack up again in %d ms", millisSince(restarting));

            // 2. Every acknowledged write survived; every index equals the one recomputed from the table.
            assertIndexesActive(client);
            Map<SongKey, Map<String, AttributeValue>> items = MusicIndexes.tableItems(client, TABLE);
            assertThat(stateDifferences(writers, items, true)).as("table after the restart vs the acknowledged writes").isEmpty();
            assertIndexesEqualRecomputed(client, items);
            log("after the restart: %d items, every acknowledged write there (of the writes in flight: %s), indexes equal the recomputed ones",
                    items.size(), inFlightOutcomes(writers, items));

            // 3. The writers go on to their full share of writes on the restarted stack; the same holds, exactly.
            writers.forEach(writer -> writer.settle(items));
            long writing = System.nanoTime();
            AtomicInteger acknowledged = new AtomicInteger();
            try (DynamoDbClient writerClient = LauncherProcess.clientWithoutRetries(second.endpoint())) {
                ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
                List<Future<?>> running = new ArrayList<>();
                for (SongWriter writer : writers) {
                    running.add(pool.submit(() -> writer.run(writerClient, perWriter,
                            () -> System.nanoTime() - writing > NANOS_AFTER_RESTART, () -> false, acknowledged)));
                }
                for (Future<?> future : running) {
                    future.get(5, TimeUnit.MINUTES);
                }
                pool.shutdown();
            }
            assertNoFailures(writers);
            log("%d more writes acknowledged in %d ms after the restart", acknowledged.get(), millisSince(writing));

            Map<SongKey, Map<String, AttributeValue>> finalItems = MusicIndexes.tableItems(client, TABLE);
            assertThat(stateDifferences(writers, finalItems, false)).as("table at the end vs the acknowledged writes").isEmpty();
            assertIndexesEqualRecomputed(client, finalItems);
            Map<String, Integer> counts = new TreeMap<>();
            writers.forEach(writer -> writer.counts().forEach((kind, n) -> counts.merge(kind, n, Integer::sum)));
            log("at the end: %d items, %d writes %s; %d ms in all", finalItems.size(),
                    writers.stream().mapToInt(SongWriter::operations).sum(), counts, millisSince(started));
        }
    }

    private static void assertIndexesActive(DynamoDbClient client) {
        TableDescription table = client.describeTable(r -> r.tableName(TABLE)).table();
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("ByGenre", "ByAlbum");
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexStatus)
                .containsOnly(IndexStatus.ACTIVE);
        assertThat(table.localSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("ByYear");
    }

    /** Each index read with Scan on IndexName, and with Query per partition, equals the index recomputed from the table. */
    private static void assertIndexesEqualRecomputed(DynamoDbClient client, Map<SongKey, Map<String, AttributeValue>> items) {
        for (IndexDefinition index : MusicIndexes.INDEXES) {
            Map<SongKey, Map<String, AttributeValue>> expected = MusicIndexes.expected(items, index);
            assertThat(expected).as("%s recomputed from the table", index.name()).isNotEmpty();
            assertThat(MusicIndexes.differences(index.name() + " by Scan", expected, MusicIndexes.scanIndex(client, TABLE, index)))
                    .isEmpty();
            assertThat(MusicIndexes.differences(index.name() + " by Query", expected,
                    MusicIndexes.queryIndex(client, TABLE, index, items.values()))).isEmpty();
            assertThat(MusicIndexes.countIndex(client, TABLE, index)).as("%s Scan COUNT", index.name()).isEqualTo(expected.size());
        }
    }

    /**
     * Where the table differs from what the writers' acknowledged writes made it. With
     * {@code inFlightMayBeEither}, a key of a write in flight at the kill may also be as that write made it.
     */
    private static List<String> stateDifferences(List<SongWriter> writers, Map<SongKey, Map<String, AttributeValue>> items,
                                                 boolean inFlightMayBeEither) {
        List<String> differences = new ArrayList<>();
        List<SongKey> known = new ArrayList<>();
        for (SongWriter writer : writers) {
            for (SongKey key : writer.keys()) {
                known.add(key);
                Map<String, AttributeValue> acknowledged = writer.acknowledged().get(key);
                Map<String, AttributeValue> actual = items.get(key);
                if (same(acknowledged, actual)) {
                    continue;
                }
                Optional<Map<String, AttributeValue>> inFlight = writer.inFlight().get(key);
                if (inFlightMayBeEither && inFlight != null && same(inFlight.orElse(null), actual)) {
                    continue;
                }
                differences.add(key + " is " + actual + ", but the last acknowledged write left " + acknowledged
                        + (inFlight == null ? "" : " (in flight: " + writer.inFlightKind() + " -> " + inFlight.orElse(null) + ")"));
            }
        }
        items.keySet().stream().filter(key -> !known.contains(key)).forEach(key -> differences.add("unexpected item " + key));
        return differences;
    }

    /** How many of the writes in flight at the kill happened, did not, or left their keys as they were either way. */
    private static String inFlightOutcomes(List<SongWriter> writers, Map<SongKey, Map<String, AttributeValue>> items) {
        int happened = 0;
        int lost = 0;
        int either = 0;
        int partly = 0;
        for (SongWriter writer : writers) {
            if (writer.inFlight().isEmpty()) {
                continue;
            }
            boolean allAsBefore = true;
            boolean allAsAfter = true;
            for (var entry : writer.inFlight().entrySet()) {
                Map<String, AttributeValue> actual = items.get(entry.getKey());
                allAsBefore &= same(writer.acknowledged().get(entry.getKey()), actual);
                allAsAfter &= same(entry.getValue().orElse(null), actual);
            }
            if (allAsBefore && allAsAfter) {
                either++;
            } else if (allAsAfter) {
                happened++;
            } else if (allAsBefore) {
                lost++;
            } else {
                partly++; // a batch: each of its writes may or may not have happened
            }
        }
        return happened + " happened, " + lost + " did not, " + either + " changed nothing, " + partly + " (batches) in part";
    }

    private static boolean same(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        return a == null ? b == null : b != null && new TreeMap<>(a).equals(new TreeMap<>(b));
    }

    private static void assertNoFailures(List<SongWriter> writers) {
        for (SongWriter writer : writers) {
            if (writer.failure() != null) {
                throw new AssertionError("a writer failed", writer.failure());
            }
        }
    }

    private static String inFlight(List<SongWriter> writers) {
        List<String> writes = new ArrayList<>();
        for (SongWriter writer : writers) {
            if (!writer.inFlight().isEmpty()) {
                writes.add(writer.inFlightKind() + " " + writer.inFlight().keySet());
            }
        }
        return writes.toString();
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[IndexKillNineTest] " + format + "%n", args);
    }
}
