package dev.ddb.table.operation;

import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.request.RequestMembers;
import dev.ddb.table.request.TableNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** DescribeTable: the stored TableDescription. */
@Component
public class DescribeTableOperation implements Operation {

    private final TableMetadataStore store;

    public DescribeTableOperation(TableMetadataStore store) {
        this.store = store;
    }

    @Override
    public JsonNode invoke(ObjectNode body) {
        String tableName = TableNames.of(RequestMembers.string(body, "TableName"));
        ObjectNode table = store.find(tableName).orElseThrow(() -> DynamoDbException.tableNotFound(tableName));
        ObjectNode response = Json.object();
        response.set("Table", table);
        return response;
    }
}
