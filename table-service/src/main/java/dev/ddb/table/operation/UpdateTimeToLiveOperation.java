package dev.ddb.table.operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TimeToLive;
import dev.ddb.table.events.TableEventPublisher;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.provisioning.TableStorageProvisioner;
import dev.ddb.table.request.RequestMembers;
import dev.ddb.table.request.TableNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * UpdateTimeToLive: enables or disables expiry by a Number attribute. The setting is part of the
 * table's description (stored, sent to item-service, whose sweeper acts on it from then on, then
 * announced as UPDATED on {@code ddb.table-events}). DynamoDB's rules: enabling an enabled table or disabling a
 * disabled one is refused, a disable must name the current attribute, and a table's TTL changes at
 * most once an hour. The change takes effect at once (DynamoDB passes through ENABLING/DISABLING).
 */
@Component
public class UpdateTimeToLiveOperation implements Operation {

    /** DynamoDB allows one TTL change per table in this interval. */
    static final Duration CHANGE_INTERVAL = Duration.ofHours(1);

    private final TableMetadataStore store;
    private final TableEventPublisher events;
    private final TableStorageProvisioner provisioner;
    private final Clock clock;

    @Autowired
    public UpdateTimeToLiveOperation(TableMetadataStore store, TableEventPublisher events, TableStorageProvisioner provisioner) {
        this(store, events, provisioner, Clock.systemUTC());
    }

    UpdateTimeToLiveOperation(TableMetadataStore store, TableEventPublisher events, TableStorageProvisioner provisioner,
                              Clock clock) {
        this.store = store;
        this.events = events;
        this.provisioner = provisioner;
        this.clock = clock;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        String tableName = TableNames.of(RequestMembers.string(body, "TableName"));
        JsonNode specification = RequestMembers.structure(body, "TimeToLiveSpecification");
        if (specification == null) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'timeToLiveSpecification' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        Boolean enabled = RequestMembers.bool(specification, "Enabled");
        String attributeName = RequestMembers.string(specification, "AttributeName");
        if (enabled == null) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'timeToLiveSpecification.enabled' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        if (attributeName == null) {
            throw DynamoDbException.validation("1 validation error detected: Value null at "
                    + "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null");
        }
        String key = context.tableKey(tableName);
        Instant now = clock.instant();
        AtomicReference<TableDescription> before = new AtomicReference<>();
        TableDescription updated = store.compute(key, current -> {
            ActiveTables.requireActive(tableName, current);
            before.set(current);
            return current.withTimeToLive(changed(current.timeToLive(), enabled, attributeName, now));
        });
        ItemServiceCopy.update(provisioner, store, key, before.get(), updated);
        events.publish(new TableEvent(TableEvent.Type.UPDATED, tableName, updated.tableId(), now.toEpochMilli(), updated));

        ObjectNode response = Json.object();
        ObjectNode echoed = response.putObject("TimeToLiveSpecification").put("Enabled", enabled.booleanValue());
        echoed.put("AttributeName", attributeName);
        return response;
    }

    private static TimeToLive changed(TimeToLive current, boolean enable, String attributeName, Instant now) {
        boolean enabledNow = current != null && current.enabled();
        if (enable && enabledNow) {
            throw DynamoDbException.validation("TimeToLive is already enabled");
        }
        if (!enable && !enabledNow) {
            throw DynamoDbException.validation("TimeToLive is already disabled");
        }
        if (!enable && !current.attributeName().equals(attributeName)) {
            throw DynamoDbException.validation("TimeToLive is active on a different AttributeName: current AttributeName is "
                    + current.attributeName());
        }
        if (current != null && current.lastUpdate() != null && now.isBefore(current.lastUpdate().plus(CHANGE_INTERVAL))) {
            throw DynamoDbException.validation("Time to live has been modified multiple times within a fixed interval");
        }
        return enable ? TimeToLive.enabled(attributeName, now) : TimeToLive.disabled(attributeName, now);
    }
}
