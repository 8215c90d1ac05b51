package dev.ddb.item.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.ddb.common.metrics.MeterNames;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.capacity.CapacityObserver;
import dev.ddb.item.capacity.CapacityUse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * ConsumedRead/WriteCapacityUnits and Read/WriteThrottleEvents per table and global secondary index,
 * recorded where item-service computes them ({@link dev.ddb.item.capacity.CapacityLimits}). As in
 * CloudWatch, the table's meters (empty {@code index} tag) count the table's own units with those of
 * its local secondary indexes, which share its throughput; each global index has its own. Counters
 * are looked up once per (table, index) and kept.
 */
public final class CapacityMeters implements CapacityObserver {

    private final MeterRegistry registry;
    private final Map<String, Map<String, ReadWrite>> byTable = new ConcurrentHashMap<>();

    public CapacityMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void consumed(TableDescription table, CapacityUse use, boolean write) {
        double tableUnits = use.tableUnits();
        for (double units : use.localIndexes().values()) {
            tableUnits += units;
        }
        String tableName = table.tableName();
        if (tableUnits > 0) {
            meters(tableName, "").consumed(write).increment(tableUnits);
        }
        if (!use.globalIndexes().isEmpty()) {
            use.globalIndexes().forEach((index, units) -> {
                if (units > 0) {
                    meters(tableName, index).consumed(write).increment(units);
                }
            });
        }
    }

    @Override
    public void throttled(TableDescription table, String globalIndexName, boolean write) {
        meters(table.tableName(), globalIndexName == null ? "" : globalIndexName).throttleEvents(write).increment();
    }

    ReadWrite meters(String table, String index) {
        Map<String, ReadWrite> indexes = byTable.get(table);
        if (indexes == null) {
            indexes = byTable.computeIfAbsent(table, name -> new ConcurrentHashMap<>());
        }
        ReadWrite meters = indexes.get(index);
        if (meters == null) {
            meters = indexes.computeIfAbsent(index, name -> new ReadWrite(registry, Tags.of(MeterNames.TABLE, table, MeterNames.INDEX, name)));
        }
        return meters;
    }

    /** One table's (or global index's) read and write meters. */
    static final class ReadWrite {
        private final Counter consumedRead;
        private final Counter consumedWrite;
        private final Counter readThrottleEvents;
        private final Counter writeThrottleEvents;

        ReadWrite(MeterRegistry registry, Tags tags) {
            consumedRead = Counter.builder(MeterNames.CONSUMED_READ_CAPACITY_UNITS).tags(tags)
                    .description("ConsumedReadCapacityUnits").register(registry);
            consumedWrite = Counter.builder(MeterNames.CONSUMED_WRITE_CAPACITY_UNITS).tags(tags)
                    .description("ConsumedWriteCapacityUnits").register(registry);
            readThrottleEvents = Counter.builder(MeterNames.READ_THROTTLE_EVENTS).tags(tags)
                    .description("ReadThrottleEvents: reads beyond the table's or index's capacity").register(registry);
            writeThrottleEvents = Counter.builder(MeterNames.WRITE_THROTTLE_EVENTS).tags(tags)
                    .description("WriteThrottleEvents: writes beyond the table's or index's capacity").register(registry);
        }

        Counter consumed(boolean write) {
            return write ? consumedWrite : consumedRead;
        }

        Counter throttleEvents(boolean write) {
            return write ? writeThrottleEvents : readThrottleEvents;
        }
    }
}
