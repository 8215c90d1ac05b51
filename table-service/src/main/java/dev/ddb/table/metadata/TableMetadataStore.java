package dev.ddb.table.metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.ddb.common.encryption.EncryptedMVStore;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.table.TableServiceProperties;

/**
 * The table catalog: table key ({@link Regions#tableKey(String, String)}: the plain name in the default
 * region, as before regions existed) -> TableDescription in the MVStore file
 * {@code <data-dir>/tables.mv.db}, as the JSON of {@link TableDescriptionJson} (DescribeTable's
 * shape, which is also what earlier versions stored, so their files open unchanged). Every change is committed and synced to disk before it
 * returns, so an answered CreateTable or DeleteTable survives {@code kill -9}. Calls block on
 * disk I/O: keep them off the event loop.
 */
@Component
public class TableMetadataStore implements AutoCloseable {

    public static final String FILE_NAME = "tables.mv.db";

    private final MVStore store;
    private final MVMap<String, byte[]> tables;

    @Autowired
    public TableMetadataStore(TableServiceProperties properties, MasterKey masterKey) {
        this(properties.dataDir(), masterKey);
    }

    public TableMetadataStore(Path dataDir, MasterKey masterKey) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dataDir, e);
        }
        // Commits are explicit: each change is written and synced while the caller waits.
        this.store = EncryptedMVStore.open(dataDir.resolve(FILE_NAME), masterKey, MVStore.Builder::autoCommitDisabled);
        this.tables = store.openMap("tables");
    }

    public Optional<TableDescription> find(String tableName) {
        return Optional.ofNullable(tables.get(tableName)).map(TableMetadataStore::parse);
    }

    /**
     * Replaces a table's description with {@code change(current)} atomically with respect to other
     * changes, and makes it durable. {@code change} sees null when there is no such table, returns
     * null to remove the table, and may throw to refuse the change (nothing is written then).
     *
     * @return the new description, or null when removed
     */
    public synchronized TableDescription compute(String tableName, UnaryOperator<TableDescription> change) {
        TableDescription next = change.apply(find(tableName).orElse(null));
        if (next == null) {
            tables.remove(tableName);
        } else {
            tables.put(tableName, TableDescriptionJson.toBytes(next));
        }
        store.commit();
        store.sync();
        return next;
    }

    /** Up to {@code limit} table names of the default region after {@code exclusiveStart}, in sort order. */
    public List<String> tableNames(String exclusiveStart, int limit) {
        return tableNames(Regions.DEFAULT_REGION, exclusiveStart, limit);
    }

    /**
     * Up to {@code limit} names of the region's tables after {@code exclusiveStart} (from the first if
     * null), in sort order. The catalog is keyed by {@link Regions#tableKey(String, String)}: the
     * default region's tables by plain name, the others' under {@code <region>/}.
     */
    public List<String> tableNames(String region, String exclusiveStart, int limit) {
        List<String> names = new ArrayList<>(Math.min(limit, 128));
        boolean defaultRegion = Regions.isDefault(region);
        String prefix = defaultRegion ? "" : region + "/";
        String first = exclusiveStart == null ? tables.ceilingKey(prefix) : tables.higherKey(prefix + exclusiveStart);
        if (first == null) {
            return names;
        }
        Iterator<String> keys = tables.keyIterator(first);
        while (keys.hasNext() && names.size() < limit) {
            String key = keys.next();
            if (defaultRegion) {
                if (key.indexOf('/') < 0) {
                    names.add(key);
                }
            } else if (key.startsWith(prefix)) {
                names.add(key.substring(prefix.length()));
            } else {
                break;
            }
        }
        return names;
    }

    public List<TableDescription> all() {
        List<TableDescription> descriptions = new ArrayList<>();
        tables.values().forEach(bytes -> descriptions.add(parse(bytes)));
        return descriptions;
    }

    /** Whether the store is open and can serve (readiness). */
    public boolean isOpen() {
        return !store.isClosed();
    }

    @Override
    public synchronized void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }

    private static TableDescription parse(byte[] bytes) {
        return TableDescriptionJson.fromBytes(bytes);
    }
}
