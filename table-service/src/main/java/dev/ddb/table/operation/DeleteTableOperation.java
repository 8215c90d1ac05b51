package dev.ddb.table.operation;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.event.ChangeTimes;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.table.events.TableEventPublisher;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.common.table.TableStatus;
import dev.ddb.table.metadata.SecondaryIndexDescriptions;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.provisioning.TableStorageProvisioner;
import dev.ddb.table.request.RequestMembers;
import dev.ddb.table.request.TableNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DeleteTable. The table is recorded as DELETING (so no other change races it), item-service
 * drops its storage (refused, as DynamoDB refuses it, while a global index is being created or
 * deleted), then the table is forgotten and the deletion announced. The answer is the
 * description with TableStatus DELETING, as DynamoDB's.
 */
@Component
public class DeleteTableOperation implements Operation {

    private static final Logger LOG = LoggerFactory.getLogger(DeleteTableOperation.class);

    private final TableMetadataStore store;
    private final TableStorageProvisioner provisioner;
    private final TableEventPublisher events;
    private final IndexTransitions indexTransitions;

    public DeleteTableOperation(TableMetadataStore store, TableStorageProvisioner provisioner, TableEventPublisher events,
                                IndexTransitions indexTransitions) {
        this.store = store;
        this.provisioner = provisioner;
        this.events = events;
        this.indexTransitions = indexTransitions;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        String tableName = TableNames.of(RequestMembers.string(body, "TableName"));
        String key = context.tableKey(tableName);
        indexTransitions.settle(key, store.find(key).orElse(null));

        TableDescription deleting = store.compute(key, current -> {
            refuseUnlessDeletable(tableName, current);
            return current.withStatus(TableStatus.DELETING);
        });
        try {
            provisioner.deprovision(key);
        } catch (RuntimeException e) {
            // The storage may still be there: keep the table, the caller can retry.
            LOG.error("Dropping storage of table {} failed; DeleteTable not done: {}", tableName, e.toString());
            store.compute(key, current -> current.withStatus(TableStatus.ACTIVE));
            throw DynamoDbException.internalServerError("Internal server error");
        }
        store.compute(key, current -> null);

        // The table's stream ends at a boundary no write acknowledged before this request shares.
        events.publish(new TableEvent(TableEvent.Type.DELETED, tableName, deleting.tableId(),
                ChangeTimes.boundary(Clock.systemUTC()), deleting));
        ObjectNode response = Json.object();
        response.set("TableDescription", TableDescriptionJson.write(deleting));
        return response;
    }

    private static void refuseUnlessDeletable(String tableName, TableDescription table) {
        ActiveTables.requireActive(tableName, table);
        if (SecondaryIndexDescriptions.anyInTransition(table)) {
            throw DynamoDbException.resourceInUse("Attempt to change a resource which is still in use: "
                    + "Cannot delete table while indexes are being created, updated, or deleted.");
        }
        if (table.deletionProtectionEnabled()) {
            throw DynamoDbException.validation(
                    "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        }
    }
}
