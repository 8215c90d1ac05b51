package dev.ddb.table.kinesis;

import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.table.request.RequestMembers;
import dev.ddb.table.request.TableNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DisableKinesisStreamingDestination: changes made from now on are no longer published. Answers
 * DISABLING, as DynamoDB does; the destination is DISABLED at once and stays listed.
 */
@Component
public class DisableKinesisStreamingDestinationOperation implements Operation {

    private final DestinationUpdates updates;

    public DisableKinesisStreamingDestinationOperation(DestinationUpdates updates) {
        this.updates = updates;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        String tableName = TableNames.of(RequestMembers.string(body, "TableName"));
        String streamArn = RequestMembers.string(body, "StreamArn");
        if (RequestMembers.structure(body, "EnableKinesisStreamingConfiguration") != null) {
            throw DynamoDbException.validation("Stream cannot be disabled using EnableKinesisStreamingConfiguration parameters");
        }
        updates.apply(context, tableName, table -> KinesisDestinations.disable(table, streamArn));
        return Json.object().put("TableName", tableName).put("StreamArn", streamArn).put("DestinationStatus", "DISABLING");
    }
}
