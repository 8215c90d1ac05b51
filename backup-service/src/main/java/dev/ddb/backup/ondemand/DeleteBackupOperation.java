package dev.ddb.backup.ondemand;

import org.springframework.stereotype.Component;

import dev.ddb.backup.storage.Backup;
import dev.ddb.backup.storage.BackupCatalog;
import dev.ddb.backup.storage.BackupFiles;
import dev.ddb.backup.storage.BackupStatus;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DeleteBackup: forgets the backup and removes its file; answers its description with BackupStatus
 * DELETED. Refused (BackupInUseException) while the backup is being created or a restore reads it.
 */
@Component
public class DeleteBackupOperation implements Operation {

    private final BackupCatalog catalog;
    private final BackupFiles files;

    public DeleteBackupOperation(BackupCatalog catalog, BackupFiles files) {
        this.catalog = catalog;
        this.files = files;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String backupArn = Backups.string(request, "BackupArn");
        Backup backup;
        synchronized (catalog) {
            backup = Backups.require(catalog, context, backupArn);
            if (backup.status() == BackupStatus.CREATING) {
                throw BackupErrors.backupInUse("Backup is being created: " + backupArn);
            }
            if (catalog.restores().stream().anyMatch(job -> backupArn.equals(job.backupArn()))) {
                throw BackupErrors.backupInUse("Backup is being restored: " + backupArn);
            }
            catalog.remove(backup);
        }
        files.delete(backup.backupId());
        ObjectNode response = Json.object();
        response.set("BackupDescription", BackupDescriptions.deleted(backup));
        return response;
    }
}
