package dev.ddb.item.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.item.table.TableSchema;

/**
 * The items of every table in one MVStore file: a map of table schemas, and per table one map
 * from encoded primary key to item. Background auto-commit is off: {@link GroupCommit} decides
 * when changes reach the disk, so a write that spans maps is committed whole or not at all.
 */
public final class ItemStore implements AutoCloseable {

    private static final String TABLES = "tables";

    private final MVStore store;
    private final GroupCommit groupCommit;
    private final MVMap<String, byte[]> tables;
    private final Map<String, TableSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, MVMap<byte[], byte[]>> itemMaps = new ConcurrentHashMap<>();

    public ItemStore(Path dataDir, Durability durability) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.store = new MVStore.Builder()
                .fileName(dataDir.resolve("items.mv.db").toString())
                .autoCommitDisabled()
                .open();
        this.groupCommit = new GroupCommit(store, durability);
        this.tables = store.openMap(TABLES);
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

    /**
     * Replaces (item != null) or removes (item == null) the item under key; the caller holds the
     * item's lock, and must call {@link #awaitDurable()} before acknowledging.
     */
    public void write(TableSchema table, byte[] key, Map<String, AttributeValue> item) {
        MVMap<byte[], byte[]> map = items(table);
        Lock scope = groupCommit.writeScope();
        scope.lock();
        try {
            if (item == null) {
                map.remove(key);
            } else {
                map.put(key, ItemCodec.encode(item));
            }
        } finally {
            scope.unlock();
        }
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
