package dev.ddb.table.kinesis;

import org.springframework.stereotype.Component;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.table.request.RequestMembers;
import dev.ddb.table.request.TableNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * EnableKinesisStreamingDestination: from now on every change of the table is published to the
 * stream's topic (stream-service). Answers ENABLING, as DynamoDB does; the destination is ACTIVE at
 * once. The configuration is echoed as given ({@code {}} without one).
 */
@Component
public class EnableKinesisStreamingDestinationOperation implements Operation {

    private final DestinationUpdates updates;

    public EnableKinesisStreamingDestinationOperation(DestinationUpdates updates) {
        this.updates = updates;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        String tableName = TableNames.of(RequestMembers.string(body, "TableName"));
        String streamArn = RequestMembers.string(body, "StreamArn");
        JsonNode configuration = RequestMembers.structure(body, "EnableKinesisStreamingConfiguration");
        String precision = configuration == null ? null
                : RequestMembers.string(configuration, "ApproximateCreationDateTimePrecision");
        updates.apply(context, tableName,
                table -> KinesisDestinations.enable(table, context.region(), streamArn, precision));

        ObjectNode response = Json.object().put("TableName", tableName).put("StreamArn", streamArn)
                .put("DestinationStatus", "ENABLING");
        ObjectNode echoed = response.putObject("EnableKinesisStreamingConfiguration");
        if (precision != null) {
            echoed.put("ApproximateCreationDateTimePrecision", precision);
        }
        return response;
    }
}
