package dev.ddb.item.table;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ddb.common.json.Json;
import dev.ddb.common.table.SecondaryIndex;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.storage.ItemStore;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DescribeTable's ItemCount and TableSizeBytes, and each index's ItemCount and IndexSizeBytes.
 * Counts are exact at every call: each map counts its own entries. Sizes need every item read, so
 * they are measured on a thread of their own, at most once per {@link #SIZE_REFRESH} for a table
 * and never for more than 1 % of that thread's time ({@link #MEASURE_SHARE}: a table whose walk
 * takes 2 s, at most every 200 s), because DescribeTable is also what the gateway reads key schemas
 * with, every few seconds. A call that starts a measure waits up to {@link #MEASURE_WAIT} for it, so
 * a small table's sizes are current; a large table's answer carries the last measure, as DynamoDB's
 * sizes, updated about every six hours, lag the writes.
 */
public final class TableStatistics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TableStatistics.class);
    static final Duration SIZE_REFRESH = Duration.ofSeconds(1);
    static final Duration MEASURE_WAIT = Duration.ofMillis(250);
    /** A measure is followed by a pause of at least this many times its own length. */
    static final int MEASURE_SHARE = 100;

    /** The bytes of a table's items and of each index's entries, by index name, and when they may be measured again. */
    private record Sizes(long tableBytes, Map<String, Long> indexBytes, long nextMeasureNanos) {

        static final Sizes NONE = new Sizes(0, Map.of(), 0);
    }

    private final ItemStore store;
    private final ExecutorService measurer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "table-sizes");
        thread.setDaemon(true);
        return thread;
    });
    /** The last measure of each table, by table id (a table re-created under its name has another). */
    private final Map<String, Sizes> measured = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Sizes>> measuring = new ConcurrentHashMap<>();

    public TableStatistics(ItemStore store) {
        this.store = store;
    }

    /**
     * {@code {"ItemCount","TableSizeBytes","Indexes":[{"IndexName","ItemCount","IndexSizeBytes"}]}}
     * for a table item-service holds.
     */
    public ObjectNode describe(TableDescription table) {
        Sizes sizes = sizes(table);
        ObjectNode body = Json.object()
                .put("ItemCount", store.itemCount(table))
                .put("TableSizeBytes", sizes.tableBytes());
        ArrayNode indexes = body.putArray("Indexes");
        for (SecondaryIndex index : table.secondaryIndexes()) {
            indexes.addObject()
                    .put("IndexName", index.indexName())
                    .put("ItemCount", store.itemCount(table, index))
                    .put("IndexSizeBytes", sizes.indexBytes().getOrDefault(index.indexName(), 0L));
        }
        return body;
    }

    private Sizes sizes(TableDescription table) {
        Sizes last = measured.get(table.tableId());
        if (last != null && System.nanoTime() - last.nextMeasureNanos() < 0) {
            return last;
        }
        CompletableFuture<Sizes> next = measuring.computeIfAbsent(table.tableId(),
                id -> CompletableFuture.supplyAsync(() -> measure(table), measurer));
        Sizes fallback = last != null ? last : Sizes.NONE;
        try {
            return next.get(MEASURE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }

    private Sizes measure(TableDescription table) {
        long started = System.nanoTime();
        try {
            Map<String, Long> indexBytes = new HashMap<>();
            for (SecondaryIndex index : table.secondaryIndexes()) {
                indexBytes.put(index.indexName(), store.sizeBytes(table, index));
            }
            long tableBytes = store.sizeBytes(table);
            long took = System.nanoTime() - started;
            Sizes sizes = new Sizes(tableBytes, Map.copyOf(indexBytes),
                    started + Math.max(SIZE_REFRESH.toNanos(), took * MEASURE_SHARE));
            measured.put(table.tableId(), sizes);
            // the measures of dropped tables go
            measured.keySet().retainAll(store.schemas().stream().map(TableDescription::tableId).collect(Collectors.toSet()));
            return sizes;
        } catch (RuntimeException e) {
            LOG.debug("Could not measure table {}: {}", table.tableName(), e.toString()); // dropped meanwhile
            return Sizes.NONE;
        } finally {
            measuring.remove(table.tableId());
        }
    }

    @Override
    public void close() {
        measurer.shutdownNow();
    }
}
