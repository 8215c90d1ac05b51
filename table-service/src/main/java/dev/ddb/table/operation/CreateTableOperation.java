package dev.ddb.table.operation;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.table.TableServiceProperties;
import dev.ddb.table.events.TableEventPublisher;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.common.table.RestoreSummary;
import dev.ddb.common.table.TableStatus;
import dev.ddb.table.metadata.TableDescriptionFactory;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.provisioning.TableStorageProvisioner;
import dev.ddb.table.request.CreateTableRequest;
import dev.ddb.table.tags.TableTags;
import dev.ddb.table.validation.CreateTableValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CreateTable. The table is recorded as CREATING (which reserves its name), item-service
 * provisions its storage, then it is recorded ACTIVE and announced. Creation is synchronous, so
 * unlike DynamoDB (which answers CREATING) the answer already says ACTIVE. A table created with a
 * stream waits (briefly) for Kafka to acknowledge the event, so that stream-service knows of the
 * stream before the first write reaches it.
 */
@Component
public class CreateTableOperation implements Operation {

    private static final Logger LOG = LoggerFactory.getLogger(CreateTableOperation.class);

    private final TableDescriptionFactory descriptions;
    private final TableMetadataStore store;
    private final TableStorageProvisioner provisioner;
    private final TableEventPublisher events;
    private final Duration streamEventWait;

    public CreateTableOperation(TableDescriptionFactory descriptions, TableMetadataStore store,
                                TableStorageProvisioner provisioner, TableEventPublisher events,
                                TableServiceProperties properties) {
        this.descriptions = descriptions;
        this.store = store;
        this.provisioner = provisioner;
        this.events = events;
        this.streamEventWait = properties.streamEventWait();
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        TableDescription active = create(context, body, null);
        ObjectNode response = Json.object();
        response.set("TableDescription", TableDescriptionJson.write(active));
        return response;
    }

    /**
     * Validates a CreateTable request, stores the table, has item-service provision it and announces
     * it. A table a restore creates ({@code restore} not null) stays CREATING, with its
     * RestoreSummary, until the restore has loaded its items and calls {@link dev.ddb.table.restore.RestoredTables#finish}.
     *
     * @return the table as stored
     */
    public TableDescription create(RequestContext context, ObjectNode body, RestoreSummary restore) {
        CreateTableRequest request = CreateTableRequest.read(body);
        CreateTableValidator.validate(request);
        Map<String, String> tags = TableTags.read(body.get("Tags"));
        if (tags != null) {
            TableTags.requireWithinLimit(tags.size());
        }
        String tableName = request.tableName();
        String key = context.tableKey(tableName);

        TableDescription described = descriptions.newTable(request, TableStatus.CREATING, context.region());
        TableDescription tagged = tags == null ? described : described.withTags(tags);
        TableDescription creating = restore == null ? tagged : tagged.withRestoreSummary(restore);
        store.compute(key, existing -> {
            if (existing != null) {
                throw DynamoDbException.resourceInUse("Table already exists: " + tableName);
            }
            return creating;
        });

        TableDescription created = restore == null ? creating.withStatus(TableStatus.ACTIVE) : creating;
        try {
            provisioner.provision(created);
        } catch (RuntimeException e) {
            rollBack(key, e);
            throw DynamoDbException.internalServerError("Internal server error");
        }
        if (restore == null) {
            store.compute(key, current -> created);
        }

        TableEvent event = new TableEvent(TableEvent.Type.CREATED, tableName, created.tableId(),
                System.currentTimeMillis(), created);
        if (created.streamEnabled()) {
            events.publishAndWait(event, streamEventWait);
        } else {
            events.publish(event);
        }
        return created;
    }

    /** No half-created table: forget it, and drop whatever item-service may have created after all. */
    private void rollBack(String key, RuntimeException cause) {
        LOG.error("Provisioning storage of table {} failed; CreateTable rolled back: {}", key, cause.toString());
        store.compute(key, current -> null);
        try {
            provisioner.deprovision(key);
        } catch (RuntimeException e) {
            LOG.warn("Could not drop storage of rolled back table {}: {}", key, e.toString());
        }
    }
}
