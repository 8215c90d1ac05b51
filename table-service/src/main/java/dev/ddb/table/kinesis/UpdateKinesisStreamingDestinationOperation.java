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
 * UpdateKinesisStreamingDestination: changes the ApproximateCreationDateTimePrecision of the records
 * of changes made from now on. Answers UPDATING, as DynamoDB does (where it lasts minutes); the
 * destination is ACTIVE with the new precision at once.
 */
@Component
public class UpdateKinesisStreamingDestinationOperation implements Operation {

    private final DestinationUpdates updates;

    public UpdateKinesisStreamingDestinationOperation(DestinationUpdates updates) {
        this.updates = updates;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        String tableName = TableNames.of(RequestMembers.string(body, "TableName"));
        String streamArn = RequestMembers.string(body, "StreamArn");
        JsonNode configuration = RequestMembers.structure(body, "UpdateKinesisStreamingConfiguration");
        String precision = configuration == null ? null
                : RequestMembers.string(configuration, "ApproximateCreationDateTimePrecision");
        updates.apply(context, tableName, table -> {
            if (precision == null) {
                throw DynamoDbException.validation("Streaming destination cannot be updated with given parameters: "
                        + "UpdateKinesisStreamingConfiguration cannot be null or contain only null values");
            }
            return KinesisDestinations.updatePrecision(table, streamArn, precision);
        });
        ObjectNode response = Json.object().put("TableName", tableName).put("StreamArn", streamArn)
                .put("DestinationStatus", "UPDATING");
        response.putObject("UpdateKinesisStreamingConfiguration").put("ApproximateCreationDateTimePrecision", precision);
        return response;
    }
}
