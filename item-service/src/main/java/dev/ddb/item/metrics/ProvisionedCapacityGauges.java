package dev.ddb.item.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.ddb.common.metrics.MeterNames;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.TableDescription;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * ProvisionedRead/WriteCapacityUnits of every PROVISIONED table and its global indexes, from the
 * table model; {@link #refresh} brings the set of gauges up to the tables there are now (created,
 * updated, deleted). An on-demand table has none, as in CloudWatch.
 */
public final class ProvisionedCapacityGauges {

    private final Supplier<? extends Iterable<TableDescription>> tables;
    private final MultiGauge read;
    private final MultiGauge write;

    public ProvisionedCapacityGauges(MeterRegistry registry, Supplier<? extends Iterable<TableDescription>> tables) {
        this.tables = tables;
        this.read = MultiGauge.builder(MeterNames.PROVISIONED_READ_CAPACITY_UNITS)
                .description("ProvisionedReadCapacityUnits").register(registry);
        this.write = MultiGauge.builder(MeterNames.PROVISIONED_WRITE_CAPACITY_UNITS)
                .description("ProvisionedWriteCapacityUnits").register(registry);
    }

    public void refresh() {
        List<MultiGauge.Row<?>> reads = new ArrayList<>();
        List<MultiGauge.Row<?>> writes = new ArrayList<>();
        for (TableDescription table : tables.get()) {
            if (table.payPerRequest()) {
                continue;
            }
            add(reads, writes, table.tableName(), "", table.provisionedThroughput());
            for (GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
                add(reads, writes, table.tableName(), index.indexName(), index.provisionedThroughput());
            }
        }
        read.register(reads, true);
        write.register(writes, true);
    }

    private static void add(List<MultiGauge.Row<?>> reads, List<MultiGauge.Row<?>> writes, String table, String index,
                            ProvisionedThroughputDescription throughput) {
        if (throughput == null) {
            return;
        }
        Tags tags = Tags.of(MeterNames.TABLE, table, MeterNames.INDEX, index);
        reads.add(MultiGauge.Row.of(tags, throughput.readCapacityUnits()));
        writes.add(MultiGauge.Row.of(tags, throughput.writeCapacityUnits()));
    }
}
