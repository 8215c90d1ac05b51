package dev.ddb.table.operation;

import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.request.RequestMembers;
import dev.ddb.table.request.TableNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DescribeTimeToLive: {@code TimeToLiveDescription} with {@code TimeToLiveStatus} ENABLED (and the
 * {@code AttributeName}) or DISABLED. Changes apply at once, so ENABLING and DISABLING are never seen.
 */
@Component
public class DescribeTimeToLiveOperation implements Operation {

    private final TableMetadataStore store;

    public DescribeTimeToLiveOperation(TableMetadataStore store) {
        this.store = store;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        String tableName = TableNames.of(RequestMembers.string(body, "TableName"));
        TableDescription table = store.find(context.tableKey(tableName)).orElse(null);
        if (table == null) {
            throw DynamoDbException.tableNotFound(tableName);
        }
        ObjectNode response = Json.object();
        ObjectNode description = response.putObject("TimeToLiveDescription");
        String attribute = table.timeToLiveAttribute();
        if (attribute == null) {
            description.put("TimeToLiveStatus", "DISABLED");
        } else {
            description.put("TimeToLiveStatus", "ENABLED").put("AttributeName", attribute);
        }
        return response;
    }
}
