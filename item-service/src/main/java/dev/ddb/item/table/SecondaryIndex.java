package dev.ddb.item.table;

import dev.ddb.common.table.KeySchema;

/**
 * A global or local secondary index of a table as item-service keeps it: its key, its projection
 * and whether its entries are complete yet (an index added to a table with items is CREATING
 * while it is backfilled).
 */
public record SecondaryIndex(String indexName, boolean global, KeySchema keySchema, IndexProjection projection,
                             IndexStatus status) {

    public enum IndexStatus { CREATING, ACTIVE }

    public SecondaryIndex withStatus(IndexStatus newStatus) {
        return new SecondaryIndex(indexName, global, keySchema, projection, newStatus);
    }

    /** Same name, kind, key and projection: the same index whatever its status. */
    public boolean sameDefinition(SecondaryIndex other) {
        return indexName.equals(other.indexName) && global == other.global && keySchema.equals(other.keySchema)
                && projection.equals(other.projection);
    }

    /** The name of its map in the item store: unique per table incarnation. */
    public String mapName(String tableId) {
        return "index." + tableId + "." + indexName;
    }
}
