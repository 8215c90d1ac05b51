package dev.ddb.table.provisioning;

/**
 * What item-service reports of one index of a table: whether it is still being built
 * (IndexStatus CREATING, Backfilling while it reads the table's items) or ACTIVE, and its size.
 */
public record IndexState(String indexName, String indexStatus, boolean backfilling, long itemCount,
                         long indexSizeBytes) {

    public static final String ACTIVE = "ACTIVE";

    public boolean active() {
        return ACTIVE.equals(indexStatus);
    }
}
