package dev.ddb.backup.storage;

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

/**
 * The backups and the restores in progress, in the MVStore file {@code <data-dir>/backups.mv.db}:
 * backup ARN -> {@link Backup}, restored table key -> {@link RestoreJob}. Every change is committed
 * and synced before it returns, so what an answered request recorded survives {@code kill -9}.
 * Callers that check and change together synchronize on the catalog.
 */
public final class BackupCatalog implements AutoCloseable {

    public static final String FILE_NAME = "backups.mv.db";

    private final MVStore store;
    private final MVMap<String, byte[]> backups;
    private final MVMap<String, byte[]> restores;

    public BackupCatalog(Path dataDir, MasterKey masterKey) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dataDir, e);
        }
        this.store = EncryptedMVStore.open(dataDir.resolve(FILE_NAME), masterKey, MVStore.Builder::autoCommitDisabled);
        this.backups = store.openMap("backups");
        this.restores = store.openMap("restores");
    }

    public Optional<Backup> backup(String backupArn) {
        return Optional.ofNullable(backups.get(backupArn)).map(Backup::fromJson);
    }

    /** Every backup, oldest first: by id, which starts with the creation time (see BackupArns). */
    public List<Backup> backups() {
        List<Backup> all = new ArrayList<>();
        backups.values().forEach(bytes -> all.add(Backup.fromJson(bytes)));
        all.sort(Comparator.comparing(Backup::backupId));
        return all;
    }

    public synchronized void put(Backup backup) {
        backups.put(backup.backupArn(), backup.toJson());
        commit();
    }

    public synchronized void remove(Backup backup) {
        backups.remove(backup.backupArn());
        commit();
    }

    public List<RestoreJob> restores() {
        List<RestoreJob> all = new ArrayList<>();
        restores.values().forEach(bytes -> all.add(RestoreJob.fromJson(bytes)));
        return all;
    }

    public synchronized void put(RestoreJob job) {
        restores.put(job.targetTableKey(), job.toJson());
        commit();
    }

    public synchronized void remove(RestoreJob job) {
        restores.remove(job.targetTableKey());
        commit();
    }

    private void commit() {
        store.commit();
        store.sync();
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
