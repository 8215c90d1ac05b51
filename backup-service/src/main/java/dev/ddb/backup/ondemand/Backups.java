package dev.ddb.backup.ondemand;

import dev.ddb.backup.storage.Backup;
import dev.ddb.backup.storage.BackupCatalog;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.region.Regions;
import tools.jackson.databind.node.ObjectNode;

/** Finds the backup a request names by its BackupArn, in the request's region. */
public final class Backups {

    private Backups() {
    }

    /** @throws dev.ddb.common.error.DynamoDbException BackupNotFoundException */
    public static Backup require(BackupCatalog catalog, RequestContext context, String backupArn) {
        return catalog.backup(backupArn)
                .filter(backup -> Regions.regionOfKey(backup.tableKey()).equals(context.region()))
                .orElseThrow(() -> BackupErrors.backupNotFound(backupArn));
    }

    /** A required string member the API model has checked already. */
    public static String string(ObjectNode request, String name) {
        return request.get(name).stringValue();
    }
}
