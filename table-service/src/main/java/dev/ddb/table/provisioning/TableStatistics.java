package dev.ddb.table.provisioning;

import java.util.Map;

import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.LocalSecondaryIndex;
import dev.ddb.common.table.TableDescription;

/**
 * What item-service counted for a table: DescribeTable's ItemCount and TableSizeBytes, and each
 * index's ItemCount and IndexSizeBytes by index name.
 */
public record TableStatistics(long itemCount, long sizeBytes, Map<String, Counted> indexes) {

    /** An index's entries and their bytes. */
    public record Counted(long itemCount, long sizeBytes) {
    }

    public TableStatistics {
        indexes = Map.copyOf(indexes);
    }

    /** The table's description with these figures; an index item-service did not count keeps its own. */
    public TableDescription applyTo(TableDescription table) {
        return table.withStatistics(sizeBytes, itemCount,
                table.localSecondaryIndexes().stream().map(this::counted).toList(),
                table.globalSecondaryIndexes().stream().map(this::counted).toList());
    }

    private LocalSecondaryIndex counted(LocalSecondaryIndex index) {
        Counted counted = indexes.get(index.indexName());
        return counted == null ? index : index.withStatistics(counted.sizeBytes(), counted.itemCount());
    }

    private GlobalSecondaryIndex counted(GlobalSecondaryIndex index) {
        Counted counted = indexes.get(index.indexName());
        return counted == null ? index : index.withStatistics(counted.sizeBytes(), counted.itemCount());
    }
}
