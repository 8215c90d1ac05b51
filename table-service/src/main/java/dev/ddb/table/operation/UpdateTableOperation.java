package dev.ddb.table.operation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.event.ChangeTimes;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.OnDemandThroughput;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.table.TableServiceProperties;
import dev.ddb.table.events.TableEventPublisher;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.metadata.SseDescriptions;
import dev.ddb.table.provisioning.TableStorageProvisioner;
import dev.ddb.table.request.GlobalSecondaryIndexUpdate;
import dev.ddb.table.request.OnDemandMaximums;
import dev.ddb.table.request.UpdateTableRequest;
import dev.ddb.table.update.CapacityUpdate;
import dev.ddb.table.update.GlobalSecondaryIndexUpdates;
import dev.ddb.table.update.IndexChangeAdmission;
import dev.ddb.table.update.StreamUpdate;
import dev.ddb.table.validation.UpdateTableValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * UpdateTable: billing mode and provisioned throughput, enabling or disabling the stream, deletion
 * protection, and GlobalSecondaryIndexUpdates. Capacity, stream and protection changes are applied
 * at once (DynamoDB answers UPDATING and applies them later), sent to item-service (so its next
 * request obeys them, see {@link ItemServiceCopy}), then announced as UPDATED; a stream
 * change waits briefly for Kafka's acknowledgement so that stream-service knows of it before the
 * caller's next write. A global index Create or Delete is stored CREATING (Backfilling) or
 * DELETING, and item-service builds or drops it; DescribeTable finishes it once
 * item-service reports it done (see {@link IndexTransitions}).
 */
@Component
public class UpdateTableOperation implements Operation {

    private final TableMetadataStore store;
    private final TableEventPublisher events;
    private final TableStorageProvisioner provisioner;
    private final IndexTransitions indexTransitions;
    private final Duration streamEventWait;
    private final Clock clock;

    @Autowired
    public UpdateTableOperation(TableMetadataStore store, TableEventPublisher events, TableStorageProvisioner provisioner,
                                IndexTransitions indexTransitions, TableServiceProperties properties) {
        this(store, events, provisioner, indexTransitions, properties.streamEventWait(), Clock.systemUTC());
    }

    UpdateTableOperation(TableMetadataStore store, TableEventPublisher events, TableStorageProvisioner provisioner,
                         IndexTransitions indexTransitions, Duration streamEventWait, Clock clock) {
        this.store = store;
        this.events = events;
        this.provisioner = provisioner;
        this.indexTransitions = indexTransitions;
        this.streamEventWait = streamEventWait;
        this.clock = clock;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        UpdateTableRequest request = UpdateTableRequest.read(body);
        UpdateTableValidator.validate(request);
        String tableName = request.tableName();
        String key = context.tableKey(tableName);
        // The rules for index changes depend on which indexes are still in transition.
        indexTransitions.settle(key, store.find(key).orElse(null));
        // A stream change applies from a boundary no write acknowledged before this request shares.
        long now = request.changesStream() ? ChangeTimes.boundary(clock) : clock.millis();

        AtomicReference<TableDescription> before = new AtomicReference<>();
        TableDescription updated = store.compute(key, current -> {
            ActiveTables.requireActive(tableName, current);
            before.set(current);
            return updated(current, request, now);
        });
        if (updated.equals(before.get())) {
            return response(updated, request);
        }
        ItemServiceCopy.update(provisioner, store, key, before.get(), updated);
        TableEvent event = new TableEvent(TableEvent.Type.UPDATED, tableName, updated.tableId(), now, updated);
        if (request.changesStream()) {
            events.publishAndWait(event, streamEventWait);
        } else {
            events.publish(event);
        }
        return response(updated, request);
    }

    /** A changed copy: the stored description is never changed in place, and a refused change writes nothing. */
    private static TableDescription updated(TableDescription current, UpdateTableRequest request, long now) {
        IndexChangeAdmission.check(current, request);
        TableDescription next = CapacityUpdate.apply(current, request, now);
        if (request.changesStream()) {
            if (!next.equals(current)) {
                throw DynamoDbException.invalidParameter("You cannot modify stream status while updating table IOPS");
            }
            next = StreamUpdate.apply(next, request.streamSpecification(), now);
        }
        if (request.deletionProtectionEnabled() != null) {
            next = next.withDeletionProtectionEnabled(request.deletionProtectionEnabled());
        }
        if (request.changesEncryption()) {
            next = next.withSseDescription(SseDescriptions.describe(request.sseSpecification(), current.tableArn()));
        }
        next = GlobalSecondaryIndexUpdates.apply(next, request, now);
        return CapacityUpdate.applyOnDemandThroughput(next, request);
    }

    /**
     * The updated description. A maximum the request removed with -1 (of the table or of a global
     * index) is shown as -1 in this answer, as DynamoDB echoes it (DescribeTable then leaves the member out).
     */
    private static ObjectNode response(TableDescription table, UpdateTableRequest request) {
        ObjectNode response = Json.object();
        ObjectNode description = TableDescriptionJson.write(table);
        if (table.payPerRequest()) {
            showRemoved(description, request.onDemandThroughput(), table.onDemandThroughput());
            List<GlobalSecondaryIndexUpdate> updates = request.globalSecondaryIndexUpdates();
            for (GlobalSecondaryIndexUpdate update : updates == null ? List.<GlobalSecondaryIndexUpdate>of() : updates) {
                if (update.update() == null || update.update().onDemandThroughput() == null) {
                    continue;
                }
                String indexName = update.update().indexName();
                for (JsonNode index : description.path("GlobalSecondaryIndexes")) {
                    if (indexName.equals(index.path("IndexName").stringValue(null))) {
                        showRemoved((ObjectNode) index, update.update().onDemandThroughput(),
                                table.globalIndex(indexName).map(GlobalSecondaryIndex::onDemandThroughput).orElse(null));
                    }
                }
            }
        }
        response.set("TableDescription", description);
        return response;
    }

    /** {@code node}'s OnDemandThroughput with -1 for each member {@code requested} removed. */
    private static void showRemoved(ObjectNode node, OnDemandMaximums requested, OnDemandThroughput current) {
        if (requested == null) {
            return;
        }
        Long removed = OnDemandThroughput.NO_MAXIMUM;
        boolean readRemoved = removed.equals(requested.maxReadRequestUnits());
        boolean writeRemoved = removed.equals(requested.maxWriteRequestUnits());
        if (!readRemoved && !writeRemoved) {
            return;
        }
        node.remove("OnDemandThroughput");
        ObjectNode shown = node.putObject("OnDemandThroughput");
        Long read = readRemoved ? removed : OnDemandThroughput.maxRead(current);
        Long write = writeRemoved ? removed : OnDemandThroughput.maxWrite(current);
        if (read != null) {
            shown.put(OnDemandMaximums.READ, read);
        }
        if (write != null) {
            shown.put(OnDemandMaximums.WRITE, write);
        }
    }
}
