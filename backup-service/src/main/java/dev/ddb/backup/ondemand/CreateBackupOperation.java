package dev.ddb.backup.ondemand;

import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.ddb.backup.BackupServiceProperties;
import dev.ddb.backup.clients.TableServiceClient;
import dev.ddb.backup.storage.Backup;
import dev.ddb.backup.storage.BackupCatalog;
import dev.ddb.backup.storage.BackupStatus;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CreateBackup: records the backup CREATING with the table's full description as table-service
 * has it now, answers its BackupDetails, and has {@link BackupTaking} take the snapshot; the
 * backup is AVAILABLE once its file is written. One backup of a table at a time, as in DynamoDB.
 */
@Component
public class CreateBackupOperation implements Operation {

    private final BackupCatalog catalog;
    private final TableServiceClient tables;
    private final BackupTaking taking;
    private final String accountId;

    public CreateBackupOperation(BackupCatalog catalog, TableServiceClient tables, BackupTaking taking,
                                 BackupServiceProperties properties) {
        this.catalog = catalog;
        this.tables = tables;
        this.taking = taking;
        this.accountId = properties.accountId();
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String named = Backups.string(request, "TableName");
        String backupName = Backups.string(request, "BackupName");
        // TableName may be the table's ARN: its region is the ARN's
        String[] fromArn = BackupArns.regionAndTable(named);
        String region = fromArn == null ? context.region() : fromArn[0];
        String tableName = fromArn == null ? named : fromArn[1];
        String tableKey = Regions.tableKey(region, tableName);

        TableDescription table = tables.table(tableKey).orElseThrow(() -> BackupErrors.tableNotFound(tableName));
        if (table.tableStatus() != TableStatus.ACTIVE) {
            throw BackupErrors.tableInUse("Table is not ACTIVE: " + tableName + " is " + table.tableStatus());
        }
        Backup backup;
        synchronized (catalog) {
            boolean creating = catalog.backups().stream().anyMatch(other -> other.tableKey().equals(tableKey)
                    && other.status() == BackupStatus.CREATING);
            if (creating) {
                throw BackupErrors.backupInUse("Backup is already being created for table: " + tableName);
            }
            Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
            String backupId = BackupArns.newBackupId(now.toEpochMilli());
            backup = new Backup(BackupArns.backupArn(accountId, region, tableName, backupId), backupId, backupName,
                    tableKey, BackupStatus.CREATING, now, table, null, 0, 0);
            catalog.put(backup);
        }
        taking.start(backup);
        ObjectNode response = Json.object();
        response.set("BackupDetails", BackupDescriptions.details(backup));
        return response;
    }
}
