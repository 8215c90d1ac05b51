package dev.ddb.stream.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.ddb.common.encryption.EncryptedMVStore;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.region.Regions;
import dev.ddb.stream.StreamServiceProperties;

/**
 * Every stream stream-service knows, in the MVStore file {@code <data-dir>/streams.mv.db}, and how
 * far {@code ddb.table-events} has been applied. Only
 * the change-log processor writes; the API reads from an in-memory copy, so reads never touch disk.
 */
@Component
public class StreamRegistry implements AutoCloseable {

    public static final String FILE_NAME = "streams.mv.db";
    private static final String TABLE_EVENTS_POSITION = "table-events";

    private final MVStore store;
    private final MVMap<String, byte[]> streams;
    private final MVMap<String, Long> progress;
    /** Sorted by ARN, which is also ListStreams' order. Replaced, never changed in place. */
    private volatile TreeMap<String, Stream> byArn = new TreeMap<>();

    @Autowired
    public StreamRegistry(StreamServiceProperties properties, MasterKey masterKey) {
        this(properties.dataDir(), masterKey);
    }

    public StreamRegistry(Path dataDir, MasterKey masterKey) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dataDir, e);
        }
        this.store = EncryptedMVStore.open(dataDir.resolve(FILE_NAME), masterKey, MVStore.Builder::autoCommitDisabled);
        this.streams = store.openMap("streams");
        this.progress = store.openMap("progress");
        TreeMap<String, Stream> loaded = new TreeMap<>();
        streams.forEach((arn, json) -> loaded.put(arn, Stream.fromJson(json)));
        byArn = loaded;
    }

    public Optional<Stream> find(String streamArn) {
        return Optional.ofNullable(byArn.get(streamArn));
    }

    public List<Stream> all() {
        return List.copyOf(byArn.values());
    }

    /** The streams of the default region's table of that name. */
    public List<Stream> ofTable(String tableName) {
        return ofTable(Regions.DEFAULT_REGION, tableName);
    }

    /** The streams of the region's table of that name (a stream's ARN names its region). */
    public List<Stream> ofTable(String region, String tableName) {
        return byArn.values().stream()
                .filter(stream -> stream.tableName().equals(tableName) && stream.region().equals(region)).toList();
    }

    /** The streams of the region's tables, in ARN order. */
    public List<Stream> inRegion(String region) {
        return byArn.values().stream().filter(stream -> stream.region().equals(region)).toList();
    }

    /** The stream a change of the table made at {@code timeMillis} goes to, if the table had one then. */
    public Optional<Stream> streamFor(String tableId, long timeMillis) {
        for (Stream stream : byArn.values()) {
            if (stream.tableId().equals(tableId) && stream.coversChangeAt(timeMillis)) {
                return Optional.of(stream);
            }
        }
        return Optional.empty();
    }

    /** Stream changes are rare and must not be lost: committed and synced. */
    public synchronized void save(Stream stream) {
        streams.put(stream.streamArn(), stream.toJson());
        commit(true);
        TreeMap<String, Stream> next = new TreeMap<>(byArn);
        next.put(stream.streamArn(), stream);
        byArn = next;
    }

    /**
     * Moves the last record offsets of streams' shards forward. Written before the transaction of
     * those records commits: an aborted transaction leaves an offset a little too high, which its
     * retry then passes. Not synced: a process crash keeps it, only a power loss could not.
     */
    public synchronized void recordLastOffsets(Map<String, Map<Integer, Long>> lastOffsets) {
        TreeMap<String, Stream> next = new TreeMap<>(byArn);
        lastOffsets.forEach((arn, shards) -> {
            Stream stream = next.get(arn);
            if (stream == null) {
                return;
            }
            for (Map.Entry<Integer, Long> shard : shards.entrySet()) {
                stream = stream.withLastOffset(shard.getKey(), shard.getValue());
            }
            next.put(arn, stream);
            streams.put(arn, stream.toJson());
        });
        commit(false);
        byArn = next;
    }

    /** Forgets streams disabled before {@code millis}: their records are past retention. */
    public synchronized List<Stream> purgeDisabledBefore(long millis) {
        List<Stream> purged = new ArrayList<>();
        for (Stream stream : byArn.values()) {
            if (stream.disabledMillis() != null && stream.disabledMillis() < millis) {
                purged.add(stream);
            }
        }
        if (purged.isEmpty()) {
            return purged;
        }
        TreeMap<String, Stream> next = new TreeMap<>(byArn);
        purged.forEach(stream -> {
            next.remove(stream.streamArn());
            streams.remove(stream.streamArn());
        });
        commit(true);
        byArn = next;
        return purged;
    }

    /** The offset of {@code ddb.table-events} to read next. */
    public long tableEventsPosition() {
        return progress.getOrDefault(TABLE_EVENTS_POSITION, 0L);
    }

    public synchronized void tableEventsApplied(long nextOffset) {
        progress.put(TABLE_EVENTS_POSITION, nextOffset);
        commit(true);
        notifyAll();
    }

    /**
     * Waits until the table events before {@code offset} are applied, at most {@code timeoutMillis}.
     *
     * @return whether they are
     */
    public synchronized boolean awaitTableEvents(long offset, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (tableEventsPosition() < offset) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** A map of the same store, for other durable state of stream-service (event source mappings). */
    public <K, V> MVMap<K, V> openMap(String name) {
        return store.openMap(name);
    }

    /** Commits and syncs whatever was written to the store's maps. */
    public synchronized void commitSynced() {
        commit(true);
    }

    private void commit(boolean sync) {
        store.commit();
        if (sync) {
            store.sync();
        }
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
}
