package dev.ddb.backup.pitr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.ddb.backup.clients.ItemServiceClient;
import dev.ddb.backup.ondemand.BackupArns;
import dev.ddb.backup.storage.BackupFiles;

/**
 * Takes a base snapshot of a PITR-enabled table: the on-demand backup's snapshot (one MVStore
 * version streamed by item-service) together with the last change sequence it holds, written as a
 * checksummed backup file under the table's archive directory.
 */
@Component
public class BaseSnapshots {

    private final PitrArchives archives;
    private final ItemServiceClient items;

    public BaseSnapshots(PitrArchives archives, ItemServiceClient items) {
        this.archives = archives;
        this.items = items;
    }

    /**
     * Takes and records a base of the table; the archive must exist already (so that every change
     * after the snapshot's sequence is being archived).
     *
     * @return false when item-service has no such table to snapshot (deleted, re-created, being restored)
     */
    public boolean take(TableArchive archive) {
        Optional<ItemServiceClient.Snapshot> snapshot = items.snapshot(archive.tableKey());
        if (snapshot.isEmpty()) {
            return false;
        }
        String id = BackupArns.newBackupId(System.currentTimeMillis());
        BackupFiles files = archives.bases(archive.tableId());
        BackupFiles.Written written;
        long time;
        try (ItemServiceClient.Snapshot lines = snapshot.get()) {
            if (!archive.tableId().equals(lines.tableId()) || lines.sequence() < 0) {
                return false;
            }
            // read after item-service took the snapshot: every change it holds has a time up to this
            time = System.currentTimeMillis();
            written = files.write(id, lines.lines());
            archives.addBase(archive.tableId(), new TableArchive.Base(id, lines.sequence(), time, written.sha256(),
                    written.itemCount()));
        } catch (IOException e) {
            files.delete(id);
            throw new UncheckedIOException(e);
        }
        return true;
    }
}
