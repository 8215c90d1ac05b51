package dev.ddb.backup.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import dev.ddb.common.encryption.EncryptedMVStore;
import dev.ddb.common.encryption.MasterKey;

import dev.ddb.common.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exports and imports, in the MVStore file {@code <data-dir>/transfers.mv.db}: ARN -> a record
 * ({@code {"Description":{...as DynamoDB describes it...}, ...internal fields}}). Every change is
 * committed and synced before it returns, so an answered export or import survives {@code kill -9}.
 */
public final class TransferCatalog implements AutoCloseable {

    public static final String FILE_NAME = "transfers.mv.db";

    private final MVStore store;
    private final MVMap<String, byte[]> exports;
    private final MVMap<String, byte[]> imports;

    public TransferCatalog(Path dataDir, MasterKey masterKey) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dataDir, e);
        }
        this.store = EncryptedMVStore.open(dataDir.resolve(FILE_NAME), masterKey, MVStore.Builder::autoCommitDisabled);
        this.exports = store.openMap("exports");
        this.imports = store.openMap("imports");
    }

    public Optional<ObjectNode> export(String arn) {
        return Optional.ofNullable(exports.get(arn)).map(bytes -> (ObjectNode) Json.read(bytes));
    }

    public Optional<ObjectNode> importRecord(String arn) {
        return Optional.ofNullable(imports.get(arn)).map(bytes -> (ObjectNode) Json.read(bytes));
    }

    /** Every export, oldest first. */
    public List<ObjectNode> exports() {
        return all(exports);
    }

    /** Every import, oldest first. */
    public List<ObjectNode> imports() {
        return all(imports);
    }

    public synchronized void putExport(String arn, ObjectNode record) {
        exports.put(arn, Json.write(record));
        commit();
    }

    public synchronized void putImport(String arn, ObjectNode record) {
        imports.put(arn, Json.write(record));
        commit();
    }

    private static List<ObjectNode> all(MVMap<String, byte[]> map) {
        List<ObjectNode> all = new ArrayList<>();
        map.values().forEach(bytes -> all.add((ObjectNode) Json.read(bytes)));
        all.sort(Comparator.comparing((ObjectNode node) -> node.path("Description").path("StartTime").doubleValue())
                .thenComparing(node -> node.path("Arn").stringValue()));
        return all;
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
