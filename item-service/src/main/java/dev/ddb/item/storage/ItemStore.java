package dev.ddb.item.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.function.LongFunction;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.event.ItemChange;
import dev.ddb.item.table.TableSchema;

/**
 * The items of every table in one MVStore file: a map of table schemas, and per table one map
 * from encoded primary key to item. Background auto-commit is off: {@link GroupCommit} decides
 * when changes reach the disk, so a write that spans maps is committed whole or not at all.
 */
public final class ItemStore implements AutoCloseable {

    private static final String TABLES = "tables";
    /** Smaller pages than MVStore's default: each commit rewrites the pages it touched. */
    private static final int PAGE_SPLIT_BYTES = 8 * 1024;
    private static final int RETENTION_MILLIS = 1000;
    private static final String OUTBOX = "outbox";
    private static final String META = "meta";
    private static final String LAST_SEQUENCE = "lastSequence";

    private final MVStore store;
    private final GroupCommit groupCommit;
    private final MVMap<String, byte[]> tables;
    private final MVMap<Long, byte[]> outbox;
    private final MVMap<String, Long> meta;
    private final AtomicLong sequence;
    private final Map<String, TableSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, MVMap<byte[], byte[]>> itemMaps = new ConcurrentHashMap<>();

    public ItemStore(Path dataDir, Durability durability) {
        this(dataDir, durability, GroupCommit.HOUSEKEEPING_INTERVAL_MILLIS, RETENTION_MILLIS);
    }

    ItemStore(Path dataDir, Durability durability, long housekeepingIntervalMillis, int retentionMillis) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.store = new MVStore.Builder()
                .fileName(dataDir.resolve("items.mv.db").toString())
                .autoCommitDisabled()
                .pageSplitSize(PAGE_SPLIT_BYTES)
                .open();
        // Every commit is fsynced before it is acknowledged, so freed chunks need not be kept for
        // MVStore's default 45 s "until the disk surely flushed": reuse them soon, or the file
        // grows by a chunk per group commit.
        store.setRetentionTime(retentionMillis);
        this.tables = store.openMap(TABLES);
        this.outbox = store.openMap(OUTBOX);
        this.meta = store.openMap(META);
        this.sequence = new AtomicLong(meta.getOrDefault(LAST_SEQUENCE, 0L));
        this.groupCommit = new GroupCommit(store, durability, sequence::get, housekeepingIntervalMillis);
        tables.values().forEach(bytes -> {
            TableSchema schema = TableSchema.fromJson(bytes);
            schemas.put(schema.tableName(), schema);
        });
    }

    /** Null when the table does not exist (as far as item-service knows). */
    public TableSchema schema(String tableName) {
        return schemas.get(tableName);
    }

    public Collection<TableSchema> schemas() {
        return schemas.values();
    }

    /** Creates storage for a table; a table re-created under the same name replaces the old one. */
    public synchronized void createTable(TableSchema schema) {
        TableSchema previous = schemas.get(schema.tableName());
        if (previous != null && previous.tableId().equals(schema.tableId())) {
            return; // provisioning is retried by table-service: idempotent
        }
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            if (previous != null) {
                removeItems(previous);
            }
            items(schema);
            tables.put(schema.tableName(), schema.toJson());
        } finally {
            scope.unlock();
        }
        schemas.put(schema.tableName(), schema);
        groupCommit.commitNow();
    }

    public synchronized void deleteTable(String tableName) {
        TableSchema schema = schemas.remove(tableName);
        if (schema == null) {
            return;
        }
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            tables.remove(tableName);
            removeItems(schema);
        } finally {
            scope.unlock();
        }
        groupCommit.commitNow();
    }

    public Map<String, AttributeValue> get(TableSchema table, byte[] key) {
        byte[] bytes = items(table).get(key);
        return bytes == null ? null : ItemCodec.decode(bytes);
    }

    /** The items of a key range in key order (or reverse), resuming after exclusiveStart when given. */
    public java.util.Iterator<StoredItem> range(TableSchema table, KeyRange range, boolean forward, byte[] exclusiveStart) {
        return new KeyRangeCursor(items(table), range, forward, exclusiveStart);
    }

    /**
     * Replaces (item != null) or removes (item == null) the item under key and puts the change in
     * the outbox, both in the same commit; the caller holds the item's lock, and must call
     * {@link #awaitDurable()} before acknowledging.
     *
     * @param change builds the change record from the sequence number this write gets
     */
    public void write(TableSchema table, byte[] key, Map<String, AttributeValue> item, String kafkaKey,
                      LongFunction<ItemChange> change) {
        MVMap<byte[], byte[]> map = items(table);
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            if (item == null) {
                map.remove(key);
            } else {
                map.put(key, ItemCodec.encode(item));
            }
            long seq = sequence.incrementAndGet();
            outbox.put(seq, new OutboxEntry(seq, kafkaKey, change.apply(seq).toJson()).encode());
            meta.put(LAST_SEQUENCE, seq);
        } finally {
            scope.unlock();
        }
    }

    /** The oldest outbox entries that are already durable, at most {@code limit}. */
    public List<OutboxEntry> durableOutbox(int limit) {
        long durable = groupCommit.durableSequence();
        List<OutboxEntry> entries = new ArrayList<>();
        Iterator<Long> keys = outbox.keyIterator(null);
        while (keys.hasNext() && entries.size() < limit) {
            long seq = keys.next();
            if (seq > durable) {
                break;
            }
            byte[] bytes = outbox.get(seq);
            if (bytes != null) {
                entries.add(OutboxEntry.decode(seq, bytes));
            }
        }
        return entries;
    }

    /** Drops entries Kafka acknowledged; committed with the next group commit (a resend after a crash is deduplicated downstream). */
    public void removeFromOutbox(List<OutboxEntry> sent) {
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            sent.forEach(e -> outbox.remove(e.sequence()));
        } finally {
            scope.unlock();
        }
    }

    /** Size of the store file in bytes (for housekeeping checks). */
    long fileSize() {
        return store.getFileStore().size();
    }

    public int outboxSize() {
        return (int) outbox.sizeAsLong();
    }

    public void awaitDurable() {
        groupCommit.awaitDurable();
    }

    private MVMap<byte[], byte[]> items(TableSchema table) {
        return itemMaps.computeIfAbsent(table.tableId(), id -> store.openMap(itemMapName(table),
                new MVMap.Builder<byte[], byte[]>()
                        .keyType(EncodedKeyType.INSTANCE)
                        .valueType(ByteArrayDataType.INSTANCE)));
    }

    private void removeItems(TableSchema table) {
        itemMaps.remove(table.tableId());
        store.removeMap(itemMapName(table));
    }

    private static String itemMapName(TableSchema table) {
        return "items." + table.tableId();
    }

    @Override
    public void close() {
        groupCommit.close();
        store.close();
    }
}
