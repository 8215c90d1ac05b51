package dev.ddb.backup.ondemand;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.ddb.backup.clients.ItemServiceClient;
import dev.ddb.backup.storage.Backup;
import dev.ddb.backup.storage.BackupCatalog;
import dev.ddb.backup.storage.BackupFiles;
import dev.ddb.backup.storage.BackupStatus;

/**
 * Takes the backups CreateBackup recorded CREATING, in the background: item-service streams a
 * snapshot of the table (one MVStore version: no write set half in it), which becomes the
 * backup's file, and the backup becomes AVAILABLE. A backup that fails (the table went away, or
 * was re-created) is removed and the failure logged: DynamoDB has no failed backup to show. At
 * startup, before requests are served, backups a crash cut short are removed the same way (their
 * snapshot moment is gone).
 */
@Component
public class BackupTaking implements SmartInitializingSingleton, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupTaking.class);

    private final BackupCatalog catalog;
    private final BackupFiles files;
    private final ItemServiceClient items;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "backup-taking");
        thread.setDaemon(true);
        return thread;
    });

    public BackupTaking(BackupCatalog catalog, BackupFiles files, ItemServiceClient items) {
        this.catalog = catalog;
        this.files = files;
        this.items = items;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Backup backup : catalog.backups()) {
            if (backup.status() == BackupStatus.CREATING) {
                LOG.warn("Backup {} of table {} was cut short by a restart; removing it", backup.backupArn(),
                        backup.tableKey());
                files.delete(backup.backupId());
                catalog.remove(backup);
            }
        }
        files.deleteTemporaryFiles();
    }

    public void start(Backup backup) {
        executor.execute(() -> take(backup));
    }

    private void take(Backup backup) {
        long started = System.nanoTime();
        try {
            Optional<ItemServiceClient.Snapshot> snapshot = items.snapshot(backup.tableKey());
            if (snapshot.isEmpty()) {
                throw new IllegalStateException("item-service has no table " + backup.tableKey());
            }
            BackupFiles.Written written;
            try (ItemServiceClient.Snapshot lines = snapshot.get()) {
                if (!backup.table().tableId().equals(lines.tableId())) {
                    throw new IllegalStateException("table " + backup.tableKey() + " was re-created since the backup was requested");
                }
                written = files.write(backup.backupId(), lines.lines());
            }
            synchronized (catalog) {
                if (catalog.backup(backup.backupArn()).isEmpty()) {
                    files.delete(backup.backupId()); // deleted meanwhile (not while CREATING: refused), or removed
                    return;
                }
                catalog.put(backup.available(written.sha256(), written.itemCount(), written.sizeBytes()));
            }
            LOG.info("Backup {} of table {} is AVAILABLE: {} items in {} ms", backup.backupArn(), backup.tableKey(),
                    written.itemCount(), (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            LOG.error("Backup {} of table {} failed and was removed: {}", backup.backupArn(), backup.tableKey(), e.toString());
            files.delete(backup.backupId());
            catalog.remove(backup);
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
