package dev.ddb.item.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.encryption.EncryptedMVStore;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.SecondaryIndex;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.changelog.OutboxEntry;

/**
 * The items of every table in one MVStore file: a map of table descriptions (item-service's copy:
 * a global index it is still backfilling is CREATING there), per table one map from
 * encoded primary key to item and one per secondary index from index key to projected item, the
 * change outbox, and the progress of index backfills. Background auto-commit is off:
 * {@link GroupCommit} makes each write set durable through the {@link WriteAheadLog} and commits
 * the store about once a second (a checkpoint), so a write set that spans maps is durable and
 * recovered whole or not at all; readers take {@link #snapshot}s, which never see half of one.
 * The store file and the log are encrypted under keys derived from the master key.
 */
public final class ItemStore implements AutoCloseable {

    private static final String TABLES = "tables";
    /** Smaller pages than MVStore's default: each commit rewrites the pages it touched. */
    private static final int PAGE_SPLIT_BYTES = 8 * 1024;
    private static final int RETENTION_MILLIS = 1000;
    /**
     * MVStore's page cache (its own default size): decoded pages, so a read that finds its pages
     * here neither reads the file nor decrypts and decodes them again. With 16 MiB, GetItem at random
     * over a million items ran within 3 % of 64 MiB, and with a p99 less than half of 4 MiB's (README,
     * "MVStore's page cache"); more only pays when a table's hot set is bigger (DDB_ITEM_PAGE_CACHE_MIB).
     */
    public static final int DEFAULT_PAGE_CACHE_MIB = 16;
    private static final String OUTBOX = "outbox";
    private static final String META = "meta";
    private static final String BACKFILL = "backfill";
    private static final String DROPPED_TABLES = "droppedTables";
    private static final String LAST_SEQUENCE = "lastSequence";
    /** The number of the last log record applied to the maps (records are numbered 1, 2, ...). */
    private static final String LAST_LOG_RECORD = "lastLogRecord";
    private static final String CLIENT_REQUEST_TOKENS = "clientRequestTokens";

    private final MVStore store;
    private final WriteAheadLog log;
    private final GroupCommit groupCommit;
    private final MVMap<String, byte[]> tables;
    private final MVMap<Long, byte[]> outbox;
    private final MVMap<String, Long> meta;
    /** Per index being backfilled: the last table key whose entry it wrote. */
    private final MVMap<String, byte[]> backfill;
    /** TableIds of dropped tables (and when): a late event about one must not bring it back. */
    private final MVMap<String, Long> droppedTables;
    /** TransactWriteItems' ClientRequestTokens of the last minutes, by token (see {@link ClientRequestToken}). */
    private final MVMap<String, byte[]> clientRequestTokens;
    private final AtomicLong sequence;
    /** Written under the visibility write lock (or while opening). */
    private long lastLogRecord;
    private final Map<String, TableDescription> schemas = new ConcurrentHashMap<>();
    private final Map<String, MVMap<byte[], byte[]>> maps = new ConcurrentHashMap<>();
    /** Write sets apply under the write side, snapshots are taken under the read side. */
    private final ReadWriteLock visibility = new ReentrantReadWriteLock();

    public ItemStore(Path dataDir, MasterKey masterKey, Durability durability) {
        this(dataDir, masterKey, durability, DEFAULT_PAGE_CACHE_MIB);
    }

    /** @param pageCacheMiB the size of MVStore's page cache ({@link #DEFAULT_PAGE_CACHE_MIB}) */
    public ItemStore(Path dataDir, MasterKey masterKey, Durability durability, int pageCacheMiB) {
        this(dataDir, masterKey, durability, pageCacheMiB, GroupCommit.HOUSEKEEPING_INTERVAL_MILLIS, RETENTION_MILLIS,
                GroupCommit.CHECKPOINT_INTERVAL_MILLIS);
    }

    ItemStore(Path dataDir, MasterKey masterKey, Durability durability, long housekeepingIntervalMillis, int retentionMillis, long checkpointIntervalMillis) {
        this(dataDir, masterKey, durability, DEFAULT_PAGE_CACHE_MIB, housekeepingIntervalMillis, retentionMillis, checkpointIntervalMillis);
    }

    private ItemStore(Path dataDir, MasterKey masterKey, Durability durability, int pageCacheMiB, long housekeepingIntervalMillis,
            int retentionMillis, long checkpointIntervalMillis) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.store = EncryptedMVStore.open(dataDir.resolve("items.mv.db"), masterKey,
                builder -> builder.autoCommitDisabled().pageSplitSize(PAGE_SPLIT_BYTES).cacheSize(pageCacheMiB));
        // Every commit (a checkpoint) is fsynced before the next one, so freed chunks need not be
        // kept for MVStore's default 45 s "until the disk surely flushed": reuse them soon, or the
        // file grows by a chunk per checkpoint.
        store.setRetentionTime(retentionMillis);
        this.tables = store.openMap(TABLES);
        this.outbox = store.openMap(OUTBOX);
        this.meta = store.openMap(META);
        this.backfill = store.openMap(BACKFILL);
        this.droppedTables = store.openMap(DROPPED_TABLES);
        this.clientRequestTokens = store.openMap(CLIENT_REQUEST_TOKENS);
        this.log = new WriteAheadLog(dataDir, masterKey);
        long checkpointed = meta.getOrDefault(LAST_LOG_RECORD, 0L);
        this.lastLogRecord = checkpointed;
        log.replay(checkpointed, this::redo);
        this.sequence = new AtomicLong(meta.getOrDefault(LAST_SEQUENCE, 0L));
        this.groupCommit = new GroupCommit(store, log, durability, sequence::get, housekeepingIntervalMillis, checkpointIntervalMillis);
        if (lastLogRecord > checkpointed) {
            groupCommit.commitNow(); // before new records may overwrite the replayed ones
        }
        // Keyed by table key (Regions.tableKey): tables stored before regions, by plain name, are the default region's.
        tables.forEach((key, bytes) -> schemas.put(key, StoredTableFormat.read(bytes)));
    }

    /** The page cache's size in MiB, as MVStore has it. */
    int pageCacheMiB() {
        return store.getCacheSize();
    }

    /** Makes a logged write set's changes (at recovery: one the last checkpoint does not hold). */
    private void redo(WalRecord record) {
        record.changes().forEach(this::redo);
        meta.put(LAST_SEQUENCE, record.lastSequence());
        meta.put(LAST_LOG_RECORD, record.number());
        lastLogRecord = record.number();
    }

    private void redo(WalRecord.Change change) {
        if (change.isOutbox()) {
            outbox.put(change.sequence(), change.value());
        } else if (change.isClientRequestToken()) {
            clientRequestTokens.put(change.map(), change.value());
        } else if (change.isRemove()) {
            open(change.map()).remove(change.key());
        } else {
            open(change.map()).put(change.key(), change.value());
        }
    }

    /**
     * Null when the table does not exist (as far as item-service knows).
     *
     * @param tableName the table's key, {@link Regions#tableKey(String, String)}: its name in the default region
     */
    public TableDescription schema(String tableName) {
        return schemas.get(tableName);
    }

    public Collection<TableDescription> schemas() {
        return schemas.values();
    }

    /** Creates storage for a table and its indexes; a table re-created under the same name replaces the old one. */
    public synchronized void createTable(TableDescription schema) {
        TableDescription previous = schemas.get(Regions.tableKey(schema));
        visibility.writeLock().lock();
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            if (previous != null) {
                removeMaps(previous);
            }
            items(schema);
            schema.secondaryIndexes().forEach(index -> index(schema, index));
            tables.put(Regions.tableKey(schema), StoredTableFormat.write(schema));
            schemas.put(Regions.tableKey(schema), schema);
        } finally {
            scope.unlock();
            visibility.writeLock().unlock();
        }
        groupCommit.commitNow();
    }

    /**
     * Replaces a table's schema (same table id) after indexes were added or removed: a removed
     * index's map goes, an added one starts empty (its backfill follows), all in one commit.
     */
    public synchronized void updateSchema(TableDescription schema) {
        TableDescription previous = schemas.get(Regions.tableKey(schema));
        if (previous == null || !previous.tableId().equals(schema.tableId())) {
            throw new IllegalStateException("No table " + schema.tableName() + " with id " + schema.tableId());
        }
        visibility.writeLock().lock();
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            for (SecondaryIndex old : previous.secondaryIndexes()) {
                if (schema.index(old.indexName()).filter(old::sameDefinition).isEmpty()) {
                    removeIndexMap(indexMapName(schema.tableId(), old));
                }
            }
            schema.secondaryIndexes().forEach(index -> index(schema, index));
            tables.put(Regions.tableKey(schema), StoredTableFormat.write(schema));
            schemas.put(Regions.tableKey(schema), schema);
        } finally {
            scope.unlock();
            visibility.writeLock().unlock();
        }
        groupCommit.commitNow();
    }

    /** Drops a table's items and indexes, and remembers its TableId as dropped. {@code tableName}: its table key. */
    public synchronized void deleteTable(String tableName) {
        TableDescription schema = schemas.get(tableName);
        if (schema == null) {
            return;
        }
        visibility.writeLock().lock();
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            schemas.remove(tableName);
            tables.remove(tableName);
            removeMaps(schema);
            droppedTables.put(schema.tableId(), System.currentTimeMillis());
        } finally {
            scope.unlock();
            visibility.writeLock().unlock();
        }
        groupCommit.commitNow();
    }

    /** Remembers a table item-service never had (or already dropped) as dropped. */
    public synchronized void recordDropped(String tableId) {
        if (droppedTables.containsKey(tableId)) {
            return;
        }
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            droppedTables.put(tableId, System.currentTimeMillis());
        } finally {
            scope.unlock();
        }
        groupCommit.commitNow();
    }

    public boolean wasDropped(String tableId) {
        return droppedTables.containsKey(tableId);
    }

    /** The current item (a writer holding the item's lock reads this). */
    public Map<String, AttributeValue> get(TableDescription table, byte[] key) {
        byte[] bytes = items(table).get(key);
        return bytes == null ? null : ItemCodec.decode(bytes);
    }

    /** The items of a key range in key order (or reverse), resuming after exclusiveStart when given. */
    public Iterator<StoredItem> range(TableDescription table, KeyRange range, boolean forward, byte[] exclusiveStart) {
        return snapshot(table).range(range, forward, exclusiveStart);
    }

    /** The table's items and the entries of its indexes as of now. */
    public TableSnapshot snapshot(TableDescription table) {
        visibility.readLock().lock();
        try {
            // The indexes as of now (one dropped meanwhile has no map any more).
            TableDescription current = schemas.get(Regions.tableKey(table));
            Map<String, MVMap<byte[], byte[]>> indexMaps = new HashMap<>();
            if (current != null && current.tableId().equals(table.tableId())) {
                for (SecondaryIndex index : current.secondaryIndexes()) {
                    indexMaps.put(index.indexName(), index(current, index));
                }
            }
            return new TableSnapshot(items(table), indexMaps);
        } finally {
            visibility.readLock().unlock();
        }
    }

    /** A table's snapshot and the last change sequence applied when it was taken. */
    public record SequencedSnapshot(TableSnapshot snapshot, long sequence) {
    }

    /**
     * The table's snapshot with the sequence of the last change applied at that moment: it holds
     * every change with a sequence up to that one and none after (both read under the visibility
     * lock, which write sets take to apply and number their changes). Point-in-time recovery
     * replays archived changes with a higher sequence onto it.
     */
    public SequencedSnapshot sequencedSnapshot(TableDescription table) {
        visibility.readLock().lock();
        try {
            return new SequencedSnapshot(snapshot(table), sequence.get()); // the read lock is reentrant
        } finally {
            visibility.readLock().unlock();
        }
    }

    /**
     * The last change sequence assigned. A write acknowledged before this call has a sequence up to
     * it: sequences are assigned while applying, before acknowledging. Sequences are contiguous:
     * one is assigned per change applied (never to a write set skipped), and one lost with an
     * unsynced write set at a crash is assigned again after recovery.
     */
    public long lastSequence() {
        visibility.readLock().lock();
        try {
            return sequence.get();
        } finally {
            visibility.readLock().unlock();
        }
    }

    /**
     * The snapshots of several tables as of one moment: no write set is half applied in any of
     * them, so a transaction's writes are in all of them or in none (TransactGetItems).
     */
    public List<TableSnapshot> snapshots(List<TableDescription> tables) {
        visibility.readLock().lock();
        try {
            List<TableSnapshot> snapshots = new ArrayList<>(tables.size());
            for (TableDescription table : tables) {
                snapshots.add(snapshot(table)); // the read lock is reentrant
            }
            return snapshots;
        } finally {
            visibility.readLock().unlock();
        }
    }

    /** A ClientRequestToken used before (possibly long ago: the caller decides what has expired), or null. */
    public ClientRequestToken clientRequestToken(String token) {
        byte[] bytes = clientRequestTokens.get(token);
        return bytes == null ? null : ClientRequestToken.decode(token, bytes);
    }

    /** Forgets the tokens used before the given time; committed with the next commit. */
    public void expireClientRequestTokens(long usedBeforeMillis) {
        List<String> expired = new ArrayList<>();
        clientRequestTokens.forEach((token, bytes) -> {
            if (ClientRequestToken.decode(token, bytes).usedAtMillis() < usedBeforeMillis) {
                expired.add(token);
            }
        });
        if (expired.isEmpty()) {
            return;
        }
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            expired.forEach(clientRequestTokens::remove);
        } finally {
            scope.unlock();
        }
    }


    /**
     * Applies a write set: every item, its index entries and its change record, at once for
     * readers and in the same commit. The caller holds the items' locks, and must call
     * {@link #awaitDurable()} (once) before acknowledging.
     */
    public void apply(List<StoreWrite> writes) {
        apply(writes, null);
    }

    /** A write set with a ClientRequestToken to remember in the same commit (token may be null). */
    public void apply(List<StoreWrite> writes, ClientRequestToken token) {
        List<byte[]> encodedItems = new ArrayList<>(writes.size());
        for (StoreWrite write : writes) {
            encodedItems.add(write.item() == null ? null : ItemCodec.encode(write.item()));
        }
        visibility.writeLock().lock();
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            List<WalRecord.Change> changes = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                StoreWrite write = writes.get(i);
                TableDescription current = schemas.get(Regions.tableKey(write.table()));
                if (current == null || !current.tableId().equals(write.table().tableId())) {
                    continue; // the table was deleted meanwhile
                }
                String itemsMap = itemsMapName(current);
                changes.add(encodedItems.get(i) == null
                        ? WalRecord.Change.remove(itemsMap, write.key())
                        : WalRecord.Change.put(itemsMap, write.key(), encodedItems.get(i)));
                for (IndexEntryWrite entry : write.indexWrites()) {
                    indexChanges(current, entry, changes);
                }
                long seq = sequence.incrementAndGet();
                changes.add(WalRecord.Change.outbox(seq, new OutboxEntry(seq, write.kafkaKey(), write.change().apply(seq).toJson()).encode()));
            }
            if (token != null) {
                changes.add(WalRecord.Change.clientRequestToken(token.token(), token.encode()));
            }
            if (!changes.isEmpty()) {
                WalRecord record = new WalRecord(lastLogRecord + 1, sequence.get(), changes);
                redo(record);
                log.append(record);
            }
        } finally {
            scope.unlock();
            visibility.writeLock().unlock();
        }
    }

    /** Index entries a backfill wrote (the caller holds the items' locks); committed with the next commit. */
    public void applyIndexEntries(TableDescription table, List<IndexEntryWrite> entries) {
        visibility.writeLock().lock();
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            TableDescription current = schemas.get(Regions.tableKey(table));
            if (current != null && current.tableId().equals(table.tableId())) {
                List<WalRecord.Change> changes = new ArrayList<>();
                entries.forEach(entry -> indexChanges(current, entry, changes));
                changes.forEach(this::redo);
            }
        } finally {
            scope.unlock();
            visibility.writeLock().unlock();
        }
    }

    /**
     * How far a backfill got: every table key up to lastKey has its entry. Written after those
     * entries (which are not logged), so the checkpoint holding it holds them; waits for the disk.
     */
    public void recordBackfill(TableDescription table, String indexName, byte[] lastKey) {
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            TableDescription current = schemas.get(Regions.tableKey(table));
            if (current == null || !current.tableId().equals(table.tableId()) || current.index(indexName).isEmpty()) {
                return;
            }
            backfill.put(indexMapName(current.tableId(), current.index(indexName).get()), lastKey);
        } finally {
            scope.unlock();
        }
        groupCommit.commitNow();
    }

    /** Where an index's backfill resumes: the last table key it covered, or null to start. */
    public byte[] backfillPosition(TableDescription table, SecondaryIndex index) {
        return backfill.get(indexMapName(table.tableId(), index));
    }

    /** Up to limit table keys after exclusiveStart (null: from the first), in key order. */
    public List<byte[]> keysAfter(TableDescription table, byte[] exclusiveStart, int limit) {
        MVMap<byte[], byte[]> items = items(table);
        List<byte[]> keys = new ArrayList<>(limit);
        byte[] from = exclusiveStart == null ? null : items.higherKey(exclusiveStart);
        if (exclusiveStart != null && from == null) {
            return keys;
        }
        Iterator<byte[]> iterator = items.keyIterator(from);
        while (iterator.hasNext() && keys.size() < limit) {
            keys.add(iterator.next());
        }
        return keys;
    }

    /** Marks an index complete: its schema says ACTIVE and its backfill position goes. */
    public synchronized void finishBackfill(TableDescription table, String indexName) {
        TableDescription current = schemas.get(Regions.tableKey(table));
        if (current == null || !current.tableId().equals(table.tableId()) || current.index(indexName).isEmpty()) {
            return;
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (GlobalSecondaryIndex index : current.globalSecondaryIndexes()) {
            indexes.add(index.indexName().equals(indexName) ? index.withStatus(IndexStatus.ACTIVE, null) : index);
        }
        TableDescription updated = current.withGlobalSecondaryIndexes(indexes);
        visibility.writeLock().lock();
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            tables.put(Regions.tableKey(updated), StoredTableFormat.write(updated));
            backfill.remove(indexMapName(current.tableId(), current.index(indexName).get()));
            schemas.put(Regions.tableKey(updated), updated);
        } finally {
            scope.unlock();
            visibility.writeLock().unlock();
        }
        groupCommit.commitNow();
    }

    /** Entries and their bytes (as DynamoDB counts item sizes) of one index; reads the whole index. */
    public IndexStatistics statistics(TableDescription table, SecondaryIndex index) {
        MVMap<byte[], byte[]> map = index(table, index);
        return new IndexStatistics(map.sizeAsLong(), sizeBytes(map));
    }

    /** A table's items, counted by its map (nothing read); 0 once the table is dropped. */
    public long itemCount(TableDescription table) {
        return existing(itemsMapName(table)).map(MVMap::sizeAsLong).orElse(0L);
    }

    /** An index's entries, counted by its map (nothing read); 0 once the table or index is dropped. */
    public long itemCount(TableDescription table, SecondaryIndex index) {
        return existing(indexMapName(table.tableId(), index)).map(MVMap::sizeAsLong).orElse(0L);
    }

    /** The bytes of a table's items, as DynamoDB counts item sizes: reads every item. */
    public long sizeBytes(TableDescription table) {
        return existing(itemsMapName(table)).map(ItemStore::sizeBytes).orElse(0L);
    }

    /** The bytes of an index's entries, as DynamoDB counts item sizes: reads every entry. */
    public long sizeBytes(TableDescription table, SecondaryIndex index) {
        return existing(indexMapName(table.tableId(), index)).map(ItemStore::sizeBytes).orElse(0L);
    }

    private static long sizeBytes(MVMap<byte[], byte[]> map) {
        long bytes = 0;
        Cursor<byte[], byte[]> cursor = map.cursor(null);
        while (cursor.hasNext()) {
            cursor.next();
            bytes += ItemSize.of(ItemCodec.decode(cursor.getValue()));
        }
        return bytes;
    }

    /** A map that exists, without creating one (as {@link #open} would) for a table dropped meanwhile. */
    private Optional<MVMap<byte[], byte[]>> existing(String name) {
        return store.hasMap(name) ? Optional.of(open(name)) : Optional.empty();
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

    /** Tells {@code observer} of every group commit written to the write-ahead log (metrics). */
    public void observeGroupCommits(GroupCommitObserver observer) {
        groupCommit.observedBy(observer);
    }

    /** Whether the store is open and can serve (readiness). */
    public boolean isOpen() {
        return !store.isClosed();
    }

    /** The sequence of the oldest change waiting in the outbox; -1 when it is empty. */
    public long oldestOutboxSequence() {
        Long first = outbox.firstKey();
        return first == null ? -1 : first;
    }

    public int outboxSize() {
        return (int) outbox.sizeAsLong();
    }

    public void awaitDurable() {
        groupCommit.awaitDurable();
    }

    /** Called after each commit is on disk (the outbox relay wakes up); must return at once. */
    public void onDurable(Runnable listener) {
        groupCommit.onDurable(listener);
    }

    /** How often writers waited for durability (a write set waits once). */
    public long durabilityWaits() {
        return groupCommit.durabilityWaits();
    }

    /** The map changes of one index entry write (none when the index was dropped meanwhile). */
    private void indexChanges(TableDescription table, IndexEntryWrite entry, List<WalRecord.Change> changes) {
        SecondaryIndex index = table.index(entry.indexName()).orElse(null);
        if (index == null) {
            return;
        }
        String map = indexMapName(table.tableId(), index);
        if (entry.oldKey() != null) {
            changes.add(WalRecord.Change.remove(map, entry.oldKey()));
        }
        if (entry.newKey() != null) {
            changes.add(WalRecord.Change.put(map, entry.newKey(), ItemCodec.encode(entry.newEntry())));
        }
    }

    private MVMap<byte[], byte[]> items(TableDescription table) {
        return open(itemsMapName(table));
    }

    private static String itemsMapName(TableDescription table) {
        return "items." + table.tableId();
    }

    private MVMap<byte[], byte[]> index(TableDescription table, SecondaryIndex index) {
        return open(indexMapName(table.tableId(), index));
    }

    private MVMap<byte[], byte[]> open(String name) {
        return maps.computeIfAbsent(name, n -> store.openMap(n, new MVMap.Builder<byte[], byte[]>()
                .keyType(EncodedKeyType.INSTANCE)
                .valueType(ByteArrayDataType.INSTANCE)));
    }

    /** The name of an index's map: unique per table incarnation. */
    private static String indexMapName(String tableId, SecondaryIndex index) {
        return "index." + tableId + "." + index.indexName();
    }

    private void removeMaps(TableDescription table) {
        removeIndexMap(itemsMapName(table));
        table.secondaryIndexes().forEach(index -> removeIndexMap(indexMapName(table.tableId(), index)));
    }

    private void removeIndexMap(String name) {
        maps.remove(name);
        store.removeMap(name);
        backfill.remove(name);
    }

    @Override
    public void close() {
        groupCommit.close();
        log.close();
        store.close();
    }
}
