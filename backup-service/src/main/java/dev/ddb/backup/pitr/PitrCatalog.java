package dev.ddb.backup.pitr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import dev.ddb.common.encryption.EncryptedMVStore;
import dev.ddb.common.encryption.MasterKey;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Point-in-time recovery's state, in {@code <data-dir>/pitr.mv.db}: TableId -> {@link TableArchive},
 * and the change log consumer's position ({@link ConsumerPosition}). The archiver commits the
 * segments' new lengths and its position together, after fsyncing the segments, so that after a
 * crash it resumes exactly where what is on disk ends: nothing lost, nothing archived twice.
 */
public final class PitrCatalog implements AutoCloseable {

    public static final String FILE_NAME = "pitr.mv.db";
    private static final String POSITION = "position";

    private final MVStore store;
    private final MVMap<String, byte[]> archives;
    private final MVMap<String, byte[]> consumer;

    public PitrCatalog(Path dataDir, MasterKey masterKey) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dataDir, e);
        }
        this.store = EncryptedMVStore.open(dataDir.resolve(FILE_NAME), masterKey, MVStore.Builder::autoCommitDisabled);
        this.archives = store.openMap("archives");
        this.consumer = store.openMap("consumer");
    }

    /**
     * Where the change log consumer is: the next offset per partition, the watermark (every
     * sequence up to it has been seen) and the sequences seen above it.
     */
    public record ConsumerPosition(Map<Integer, Long> offsets, long watermark, List<Long> seenAbove) {

        byte[] toJson() {
            ObjectNode node = Json.object().put("Watermark", watermark);
            ObjectNode offsetNodes = node.putObject("Offsets");
            offsets.forEach((partition, offset) -> offsetNodes.put(Integer.toString(partition), offset));
            ArrayNode above = node.putArray("SeenAbove");
            seenAbove.forEach(above::add);
            return Json.write(node);
        }

        static ConsumerPosition fromJson(byte[] bytes) {
            JsonNode node = Json.read(bytes);
            Map<Integer, Long> offsets = new java.util.HashMap<>();
            node.get("Offsets").properties().forEach(e -> offsets.put(Integer.parseInt(e.getKey()), e.getValue().longValue()));
            List<Long> above = new ArrayList<>();
            node.get("SeenAbove").forEach(n -> above.add(n.longValue()));
            return new ConsumerPosition(offsets, node.get("Watermark").longValue(), above);
        }
    }

    public Optional<TableArchive> archive(String tableId) {
        return Optional.ofNullable(archives.get(tableId)).map(TableArchive::fromJson);
    }

    public List<TableArchive> archives() {
        List<TableArchive> all = new ArrayList<>();
        archives.values().forEach(bytes -> all.add(TableArchive.fromJson(bytes)));
        return all;
    }

    public Optional<ConsumerPosition> position() {
        return Optional.ofNullable(consumer.get(POSITION)).map(ConsumerPosition::fromJson);
    }

    public synchronized void put(TableArchive archive) {
        archives.put(archive.tableId(), archive.toJson());
        commit();
    }

    public synchronized void remove(String tableId) {
        archives.remove(tableId);
        commit();
    }

    /** The consumer's new position and the archives whose segments grew, in one commit. */
    public synchronized void advance(ConsumerPosition position, Collection<TableArchive> grown) {
        for (TableArchive archive : grown) {
            if (archives.containsKey(archive.tableId())) { // not disabled meanwhile
                archives.put(archive.tableId(), archive.toJson());
            }
        }
        consumer.put(POSITION, position.toJson());
        commit();
    }

    private void commit() {
        store.commit();
        store.sync();
    }

    @Override
    public synchronized void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }
}
