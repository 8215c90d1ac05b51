package dev.ddb.item.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.changelog.ChangeRecords;
import dev.ddb.item.storage.IndexEntryWrite;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.storage.StoreWrite;

/**
 * The one way items are changed. A write set locks all its items in a fixed order, reads them,
 * lets each write decide its new item (checking its condition), checks the new items' index
 * keys, computes index entries and change records, applies all of it in one store update (one
 * commit), releases the locks and waits once for durability before the caller acknowledges. A
 * write that changes nothing writes nothing and records no change, as in DynamoDB Streams.
 *
 * <p>Isolation: a write set holds the locks of all its items from the reads its conditions need
 * until its changes are applied, and takes them in one fixed order, so write sets (single writes,
 * batches, transactions) are serializable with respect to each other, in the order they got their
 * locks; a conflicting write set waits for the locks instead of failing (no
 * TransactionConflictException). Readers see a write set whole or not at all: the store applies it
 * under its visibility lock, which snapshots also take.
 */
public final class WritePath {

    private final ItemStore store;
    private final ItemLocks locks;

    public WritePath(ItemStore store, ItemLocks locks) {
        this.store = store;
        this.locks = locks;
    }

    public ItemLocks locks() {
        return locks;
    }

    /** A single write: its item before and after, or its failure thrown. */
    public WrittenItem write(Write write) {
        WriteOutcome outcome = apply(WriteSet.of(write)).get(0);
        if (outcome.failed()) {
            throw outcome.failure();
        }
        return outcome.written();
    }

    /** One outcome per write, in order. */
    public List<WriteOutcome> apply(WriteSet set) {
        List<WriteOutcome> outcomes = new ArrayList<>(set.writes().size());
        List<StoreWrite> changes = new ArrayList<>();
        try (ItemLocks.Held held = locks.lockAll(set.writes())) {
            boolean failed = false;
            for (Write write : set.writes()) {
                try {
                    WrittenItem written = compute(write);
                    outcomes.add(new WriteOutcome(written, null));
                    if (!unchanged(written)) {
                        changes.add(storeWrite(write, written));
                    }
                } catch (DynamoDbException e) {
                    outcomes.add(new WriteOutcome(null, e));
                    failed = true;
                }
            }
            if (failed && set.allOrNothing()) {
                return outcomes;
            }
            if (!changes.isEmpty() || set.token() != null) {
                store.apply(changes, set.token());
            }
        }
        if (!changes.isEmpty() || set.token() != null) {
            store.awaitDurable();
        }
        return outcomes;
    }

    private WrittenItem compute(Write write) {
        // The schema as of now, under the item's lock: an index added meanwhile is maintained too.
        TableDescription table = store.schema(Regions.tableKey(write.table()));
        if (table == null || !table.tableId().equals(write.table().tableId())) {
            throw DynamoDbException.resourceNotFound("Requested resource not found");
        }
        Map<String, AttributeValue> oldItem = store.get(table, write.key());
        Map<String, AttributeValue> newItem = write.update().apply(oldItem);
        if (newItem != null) {
            IndexKeyRules.check(table, newItem);
        }
        List<IndexEntryWrite> indexWrites = same(oldItem, newItem) ? List.of() : IndexEntries.changes(table, oldItem, newItem);
        return new WrittenItem(table, oldItem, newItem, indexWrites);
    }

    private static StoreWrite storeWrite(Write write, WrittenItem written) {
        TableDescription table = written.table();
        Map<String, AttributeValue> keys = ChangeRecords.keysOf(table, written.oldItem(), written.newItem());
        return new StoreWrite(table, write.key(), written.newItem(), written.indexWrites(),
                ChangeRecords.kafkaKey(table, keys),
                ChangeRecords.of(table, written.oldItem(), written.newItem(), write.userIdentity()));
    }

    private static boolean unchanged(WrittenItem written) {
        return same(written.oldItem(), written.newItem());
    }

    private static boolean same(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
        return oldItem == null ? newItem == null : oldItem.equals(newItem);
    }
}
