package dev.ddb.table.operation;

import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.request.RequestMembers;
import dev.ddb.table.request.TableNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DescribeTable: the stored TableDescription, with the global indexes item-service has finished
 * creating or deleting since the last look settled first (see {@link IndexTransitions}).
 */
@Component
public class DescribeTableOperation implements Operation {

    private final TableMetadataStore store;
    private final IndexTransitions indexTransitions;

    public DescribeTableOperation(TableMetadataStore store, IndexTransitions indexTransitions) {
        this.store = store;
        this.indexTransitions = indexTransitions;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        String tableName = TableNames.of(RequestMembers.string(body, "TableName"));
        String key = context.tableKey(tableName);
        TableDescription table = indexTransitions.settle(key, store.find(key).orElse(null));
        if (table == null) {
            throw DynamoDbException.tableNotFound(tableName);
        }
        ObjectNode response = Json.object();
        response.set("Table", TableDescriptionJson.write(table));
        return response;
    }
}
