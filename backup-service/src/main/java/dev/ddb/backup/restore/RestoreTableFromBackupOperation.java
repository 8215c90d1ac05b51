package dev.ddb.backup.restore;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ddb.backup.BackupServiceProperties;
import dev.ddb.backup.clients.TableServiceClient;
import dev.ddb.backup.ondemand.BackupErrors;
import dev.ddb.backup.ondemand.Backups;
import dev.ddb.backup.storage.Backup;
import dev.ddb.backup.storage.BackupCatalog;
import dev.ddb.backup.storage.BackupStatus;
import dev.ddb.backup.storage.RestoreJob;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.RestoreSummary;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RestoreTableFromBackup: creates the new table through table-service, CREATING with a
 * RestoreSummary in progress, answers its description, and has {@link RestoreRunner} load the
 * backup's items; the table becomes ACTIVE once they are all in. The restore is recorded before
 * the table is created, so a restart resumes it. At most {@code ddb.backup.max-concurrent-restores}
 * (50, DynamoDB's limit of table operations at a time) run at once.
 */
@Component
public class RestoreTableFromBackupOperation implements Operation {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreTableFromBackupOperation.class);

    private final BackupCatalog catalog;
    private final TableServiceClient tables;
    private final RestoreRunner runner;
    private final int maxConcurrentRestores;

    public RestoreTableFromBackupOperation(BackupCatalog catalog, TableServiceClient tables, RestoreRunner runner,
                                           BackupServiceProperties properties) {
        this.catalog = catalog;
        this.tables = tables;
        this.runner = runner;
        this.maxConcurrentRestores = properties.maxConcurrentRestores();
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String targetTableName = Backups.string(request, "TargetTableName");
        String backupArn = Backups.string(request, "BackupArn");
        String targetKey = context.tableKey(targetTableName);

        Backup backup = Backups.require(catalog, context, backupArn);
        if (backup.status() != BackupStatus.AVAILABLE) {
            throw BackupErrors.backupInUse("Backup is being created: " + backupArn);
        }
        tables.table(targetKey).ifPresent(existing -> {
            throw switch (existing.tableStatus()) {
                case CREATING, DELETING -> BackupErrors.tableInUse("Table is being created or deleted: " + targetTableName);
                default -> BackupErrors.tableAlreadyExists(targetTableName);
            };
        });
        ObjectNode createTable = RestoreRequests.createTable(targetTableName, backup.table(), request);

        RestoreJob job = new RestoreJob(targetKey, backupArn, null);
        synchronized (catalog) {
            if (catalog.backup(backupArn).isEmpty()) {
                throw BackupErrors.backupNotFound(backupArn); // deleted meanwhile
            }
            if (catalog.restores().stream().anyMatch(other -> other.targetTableKey().equals(targetKey))) {
                throw BackupErrors.tableInUse("Table is being created or deleted: " + targetTableName);
            }
            if (catalog.restores().size() >= maxConcurrentRestores) {
                throw DynamoDbException.limitExceeded("Too many table restores in progress: up to "
                        + maxConcurrentRestores + " may run at a time");
            }
            catalog.put(job);
        }
        RestoreSummary summary = new RestoreSummary(backupArn, backup.table().tableArn(),
                Instant.ofEpochMilli(System.currentTimeMillis()), true);
        TableDescription created;
        try {
            created = tables.createRestored(context.region(), createTable, summary);
        } catch (DynamoDbException e) {
            catalog.remove(job);
            if (e.code().equals("ResourceInUseException")) {
                throw BackupErrors.tableAlreadyExists(targetTableName); // created by someone else meanwhile
            }
            throw e;
        } catch (RuntimeException e) {
            catalog.remove(job); // a restart finds no table of this restore, or removes it (RestoreRunner)
            LOG.error("Creating table {} for a restore from {} failed: {}", targetKey, backupArn, e.toString());
            throw DynamoDbException.internalServerError("Internal server error");
        }
        RestoreJob started = job.withTableId(created.tableId());
        catalog.put(started);
        runner.start(started);
        ObjectNode response = Json.object();
        response.set("TableDescription", TableDescriptionJson.write(created));
        return response;
    }
}
