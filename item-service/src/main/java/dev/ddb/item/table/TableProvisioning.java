package dev.ddb.item.table;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.write.IndexBackfill;

/**
 * What table-service's provisioning calls do to item storage: a new table (or a table re-created
 * under its name) gets empty maps for it and its indexes; an updated description of an existing
 * table (same TableId) adds the indexes it newly has, CREATING until backfilled from the items,
 * and drops those it no longer has. Idempotent: table-service retries.
 */
public final class TableProvisioning {

    private final ItemStore store;
    private final IndexBackfill backfill;

    public TableProvisioning(ItemStore store, IndexBackfill backfill) {
        this.store = store;
        this.backfill = backfill;
    }

    public synchronized void provision(TableSchema described) {
        TableSchema current = store.schema(described.tableName());
        if (current == null || !current.tableId().equals(described.tableId())) {
            store.createTable(described);
            return;
        }
        List<SecondaryIndex> indexes = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (SecondaryIndex index : described.indexes()) {
            SecondaryIndex existing = current.index(index.indexName()).filter(index::sameDefinition).orElse(null);
            if (existing != null) {
                indexes.add(existing); // keeps its own status: CREATING until its backfill is done
            } else {
                indexes.add(index.withStatus(SecondaryIndex.IndexStatus.CREATING));
                added.add(index.indexName());
            }
        }
        TableSchema updated = current.withIndexes(indexes);
        if (updated.equals(current)) {
            return;
        }
        store.updateSchema(updated);
        added.forEach(name -> backfill.start(updated, name));
    }

    public void drop(String tableName) {
        store.deleteTable(tableName);
    }
}
