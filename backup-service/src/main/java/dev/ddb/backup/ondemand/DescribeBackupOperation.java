package dev.ddb.backup.ondemand;

import org.springframework.stereotype.Component;

import dev.ddb.backup.storage.BackupCatalog;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** DescribeBackup: the backup's details, its source table and the table's features as they were backed up. */
@Component
public class DescribeBackupOperation implements Operation {

    private final BackupCatalog catalog;

    public DescribeBackupOperation(BackupCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        ObjectNode response = Json.object();
        response.set("BackupDescription", BackupDescriptions.description(
                Backups.require(catalog, context, Backups.string(request, "BackupArn"))));
        return response;
    }
}
