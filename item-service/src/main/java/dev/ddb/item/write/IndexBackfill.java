package dev.ddb.item.write;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.SecondaryIndex;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.storage.IndexEntryWrite;
import dev.ddb.item.storage.ItemStore;

/**
 * Fills an index added to a table that has items, online: it walks the table in key order, a
 * chunk at a time, and writes each item's entry while holding the item's lock, so it and the
 * writes going on (which maintain the index from the moment it exists) never miss or undo each
 * other. Each chunk is committed with how far the backfill got, so a restart resumes there.
 * Items whose index key attributes have another type than the index's are left out, as DynamoDB
 * leaves out index key violations.
 */
public final class IndexBackfill implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexBackfill.class);
    private static final int CHUNK = 256;

    private final ItemStore store;
    private final ItemLocks locks;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "index-backfill");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    public IndexBackfill(ItemStore store, ItemLocks locks) {
        this.store = store;
        this.locks = locks;
    }

    /** Starts (or resumes, after a restart) the backfill of every index still CREATING. */
    public void resumeAll() {
        for (TableDescription table : store.schemas()) {
            for (GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
                if (index.indexStatus() == IndexStatus.CREATING) {
                    start(table, index.indexName());
                }
            }
        }
    }

    public void start(TableDescription table, String indexName) {
        executor.execute(() -> {
            try {
                run(table, indexName);
            } catch (RuntimeException e) {
                LOG.error("Backfill of index {} of table {} failed; it resumes at the next start", indexName, table.tableName(), e);
            }
        });
    }

    private void run(TableDescription table, String indexName) {
        SecondaryIndex index = table.index(indexName).orElseThrow();
        byte[] position = store.backfillPosition(table, index);
        while (!closed) {
            TableDescription current = store.schema(Regions.tableKey(table));
            if (current == null || !current.tableId().equals(table.tableId())
                    || current.index(indexName).filter(index::sameDefinition).isEmpty()) {
                return; // table or index dropped meanwhile, or re-created with another definition (its own backfill runs)
            }
            List<byte[]> keys = store.keysAfter(current, position, CHUNK);
            if (keys.isEmpty()) {
                store.finishBackfill(current, indexName);
                LOG.info("Index {} of table {} is backfilled and ACTIVE", indexName, current.tableName());
                return;
            }
            for (byte[] key : keys) {
                try (ItemLocks.Held held = locks.lock(current.tableId(), key)) {
                    Map<String, AttributeValue> item = store.get(current, key);
                    IndexEntryWrite entry = item == null ? null : IndexEntries.entryOf(current, index, item);
                    if (entry != null) {
                        // Written under the item's lock: a write after this one finds the entry and keeps it right.
                        store.applyIndexEntries(current, List.of(entry));
                    }
                }
            }
            position = keys.get(keys.size() - 1);
            store.recordBackfill(current, indexName, position);
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
