package dev.ddb.table.restore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.RestoreSummary;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableStatus;
import dev.ddb.table.events.TableEventPublisher;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.operation.CreateTableOperation;
import dev.ddb.table.provisioning.TableStorageProvisioner;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tables restores create, for backup-service (which runs the restores): created CREATING with
 * a RestoreSummary in progress (item-service refuses item requests to them meanwhile), then either
 * finished (ACTIVE, RestoreInProgress false) once their items are loaded, or abandoned (removed)
 * when the restore failed. Each step names the TableId, so it never touches another table of
 * that name.
 */
@Component
public class RestoredTables {

    private static final Logger LOG = LoggerFactory.getLogger(RestoredTables.class);

    private final CreateTableOperation createTable;
    private final TableMetadataStore store;
    private final TableStorageProvisioner provisioner;
    private final TableEventPublisher events;

    public RestoredTables(CreateTableOperation createTable, TableMetadataStore store,
                          TableStorageProvisioner provisioner, TableEventPublisher events) {
        this.createTable = createTable;
        this.store = store;
        this.provisioner = provisioner;
        this.events = events;
    }

    /**
     * @param createTable a CreateTable request for the restored table, validated as CreateTable's
     * @throws DynamoDbException CreateTable's errors (ResourceInUseException when the name is taken)
     */
    public TableDescription create(RequestContext context, ObjectNode createTable, RestoreSummary restore) {
        return this.createTable.create(context, createTable, restore);
    }

    /**
     * Makes the restored table ACTIVE: item-service first (it takes item requests from then on),
     * then this catalog, so that DescribeTable never says ACTIVE while item requests would still be
     * refused. A table already finished stays as it is; a repeated call (after a crash) is harmless.
     */
    public TableDescription finish(String tableKey, String tableId) {
        TableDescription current = store.find(tableKey).orElse(null);
        requireRestored(tableKey, tableId, current);
        TableDescription finished = current.restoreInProgress()
                ? current.withStatus(TableStatus.ACTIVE).withRestoreSummary(current.restoreSummary().finished())
                : current;
        provisioner.provision(finished);
        store.compute(tableKey, table -> {
            requireRestored(tableKey, tableId, table);
            return finished;
        });
        events.publish(new TableEvent(TableEvent.Type.UPDATED, finished.tableName(), tableId,
                System.currentTimeMillis(), finished));
        LOG.info("Restore of table {} from {} finished", tableKey, source(finished.restoreSummary()));
        return finished;
    }

    /** Removes a table whose restore failed (its storage too); nothing when it is already gone. */
    public void abandon(String tableKey, String tableId) {
        TableDescription current = store.find(tableKey).orElse(null);
        if (current == null || !current.tableId().equals(tableId)) {
            return;
        }
        if (!current.restoreInProgress()) {
            throw DynamoDbException.resourceInUse("Table " + tableKey + " is not being restored");
        }
        TableDescription deleting = current.withStatus(TableStatus.DELETING);
        store.compute(tableKey, table -> deleting);
        provisioner.deprovision(tableKey);
        store.compute(tableKey, table -> null);
        events.publish(new TableEvent(TableEvent.Type.DELETED, current.tableName(), tableId,
                System.currentTimeMillis(), deleting));
        LOG.warn("Restore of table {} from {} failed; the table was removed", tableKey, source(current.restoreSummary()));
    }

    /** A backup's ARN, or for a point-in-time restore (and an import) the source's ARN. */
    private static String source(RestoreSummary summary) {
        return summary.sourceBackupArn() != null ? summary.sourceBackupArn() : summary.sourceTableArn();
    }

    private static void requireRestored(String tableKey, String tableId, TableDescription table) {
        if (table == null || !table.tableId().equals(tableId) || table.restoreSummary() == null) {
            throw DynamoDbException.resourceNotFound("Requested resource not found: no restored table " + tableKey
                    + " with TableId " + tableId);
        }
    }
}
