package dev.ddb.table.kinesis;

import org.springframework.stereotype.Component;

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

/** DescribeKinesisStreamingDestination: the table's destinations, newest first ({@code []} when none). */
@Component
public class DescribeKinesisStreamingDestinationOperation implements Operation {

    private final TableMetadataStore store;

    public DescribeKinesisStreamingDestinationOperation(TableMetadataStore store) {
        this.store = store;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        String tableName = TableNames.of(RequestMembers.string(body, "TableName"));
        TableDescription table = KinesisTables.require(tableName, store.find(context.tableKey(tableName)).orElse(null));
        ObjectNode response = Json.object().put("TableName", tableName);
        response.set("KinesisDataStreamDestinations",
                TableDescriptionJson.kinesisDestinations(table.kinesisDataStreamDestinations()));
        return response;
    }
}
