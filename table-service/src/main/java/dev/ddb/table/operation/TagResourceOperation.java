package dev.ddb.table.operation;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.TableServiceProperties;
import dev.ddb.table.events.TableEventPublisher;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.request.RequestMembers;
import dev.ddb.table.tags.ResourceArns;
import dev.ddb.table.tags.TableTags;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TagResource: adds tags to a table (a present key takes the new value). The tags are part of the
 * table's description: stored, then announced as UPDATED on {@code ddb.table-events}.
 */
@Component
public class TagResourceOperation implements Operation {

    private final TableMetadataStore store;
    private final TableEventPublisher events;
    private final String accountId;

    public TagResourceOperation(TableMetadataStore store, TableEventPublisher events, TableServiceProperties properties) {
        this.store = store;
        this.events = events;
        this.accountId = TaggedTables.accountId(properties);
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        String arn = RequestMembers.string(body, "ResourceArn");
        ResourceArns.Resource resource = ResourceArns.find(arn, context, accountId, store);
        Map<String, String> added = TableTags.read(body.get("Tags"));
        if (added == null || added.isEmpty()) {
            throw DynamoDbException.validation("Atleast one Tag needs to be provided as Input.");
        }
        TableDescription updated = store.compute(resource.tableKey(), current -> {
            TaggedTables.requireTaggable(arn, resource.tableName(), current);
            return current.withTags(TableTags.added(current.tags(), added));
        });
        events.publish(new TableEvent(TableEvent.Type.UPDATED, updated.tableName(), updated.tableId(),
                System.currentTimeMillis(), updated));
        return Json.object();
    }
}
