package dev.ddb.table.operation;

import java.util.List;

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

/** UntagResource: removes tags from a table by key (a key it does not have is no error); UPDATED event. */
@Component
public class UntagResourceOperation implements Operation {

    private final TableMetadataStore store;
    private final TableEventPublisher events;
    private final String accountId;

    public UntagResourceOperation(TableMetadataStore store, TableEventPublisher events, TableServiceProperties properties) {
        this.store = store;
        this.events = events;
        this.accountId = TaggedTables.accountId(properties);
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        String arn = RequestMembers.string(body, "ResourceArn");
        ResourceArns.Resource resource = ResourceArns.find(arn, context, accountId, store);
        List<String> keys = RequestMembers.list(body, "TagKeys", RequestMembers::stringElement);
        if (keys == null || keys.isEmpty()) {
            throw DynamoDbException.validation("Atleast one Tag Key needs to be provided as Input.");
        }
        keys.forEach(TableTags::requireUserKey);
        TableDescription updated = store.compute(resource.tableKey(), current -> {
            TaggedTables.requireTaggable(arn, resource.tableName(), current);
            return current.withTags(TableTags.removed(current.tags(), keys));
        });
        events.publish(new TableEvent(TableEvent.Type.UPDATED, updated.tableName(), updated.tableId(),
                System.currentTimeMillis(), updated));
        return Json.object();
    }
}
