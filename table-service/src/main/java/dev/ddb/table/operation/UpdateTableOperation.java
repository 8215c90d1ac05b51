package dev.ddb.table.operation;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.table.TableServiceProperties;
import dev.ddb.table.events.TableEventPublisher;
import dev.ddb.table.metadata.TableDescriptions;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.request.UpdateTableRequest;
import dev.ddb.table.update.CapacityUpdate;
import dev.ddb.table.update.StreamUpdate;
import dev.ddb.table.validation.UpdateTableValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * UpdateTable: billing mode and provisioned throughput, enabling or disabling the stream, deletion
 * protection. The change is applied at once (DynamoDB answers UPDATING and applies it later), then
 * announced as UPDATED; a stream change waits briefly for Kafka's acknowledgement so that
 * stream-service knows of it before the caller's next write.
 */
@Component
public class UpdateTableOperation implements Operation {

    private final TableMetadataStore store;
    private final TableEventPublisher events;
    private final Duration streamEventWait;
    private final Clock clock;

    @Autowired
    public UpdateTableOperation(TableMetadataStore store, TableEventPublisher events, TableServiceProperties properties) {
        this(store, events, properties.streamEventWait(), Clock.systemUTC());
    }

    UpdateTableOperation(TableMetadataStore store, TableEventPublisher events, Duration streamEventWait, Clock clock) {
        this.store = store;
        this.events = events;
        this.streamEventWait = streamEventWait;
        this.clock = clock;
    }

    @Override
    public JsonNode invoke(ObjectNode body) {
        UpdateTableRequest request = UpdateTableRequest.read(body);
        UpdateTableValidator.validate(request);
        String tableName = request.tableName();
        long now = clock.millis();

        AtomicReference<ObjectNode> before = new AtomicReference<>();
        ObjectNode updated = store.compute(tableName, current -> {
            ActiveTables.requireActive(tableName, current);
            before.set(current);
            return updated(current, request, now);
        });

        if (!updated.equals(before.get())) {
            TableEvent event = new TableEvent(TableEvent.Type.UPDATED, tableName, TableDescriptions.tableId(updated),
                    now, updated);
            if (request.changesStream()) {
                events.publishAndWait(event, streamEventWait);
            } else {
                events.publish(event);
            }
        }
        ObjectNode response = Json.object();
        response.set("TableDescription", updated);
        return response;
    }

    /** A changed copy: the stored description is never changed in place, and a refused change writes nothing. */
    private static ObjectNode updated(ObjectNode current, UpdateTableRequest request, long now) {
        ObjectNode next = current.deepCopy();
        boolean capacityChanged = CapacityUpdate.apply(next, request, now);
        if (request.changesStream()) {
            if (capacityChanged) {
                throw DynamoDbException.invalidParameter("You cannot modify stream status while updating table IOPS");
            }
            StreamUpdate.apply(next, request.streamSpecification(), now);
        }
        if (request.deletionProtectionEnabled() != null) {
            next.put("DeletionProtectionEnabled", request.deletionProtectionEnabled());
        }
        return next;
    }
}
