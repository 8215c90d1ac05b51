package dev.ddb.backup.export;

import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ListExports: the exports of the request's region (of one table with TableArn), oldest first, as
 * ExportSummaries (ExportArn, ExportStatus, ExportType), MaxResults (1-25, default 25) at a time;
 * NextToken is the last ARN answered.
 */
@Component
public class ListExportsOperation implements Operation {

    private final TransferCatalog catalog;

    public ListExportsOperation(TransferCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String tableArn = ExportTableToPointInTimeOperation.text(request, "TableArn");
        int max = request.path("MaxResults").intValue(25);
        if (request.has("MaxResults") && (max < 1 || max > 25)) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + max
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 25");
        }
        String next = ExportTableToPointInTimeOperation.text(request, "NextToken");
        TransferPage page = TransferPage.of(catalog.exports(), context.region(), tableArn, next, max);
        ObjectNode response = Json.object();
        ArrayNode summaries = response.putArray("ExportSummaries");
        for (ObjectNode record : page.records()) {
            JsonNode description = record.get("Description");
            summaries.addObject().put("ExportArn", description.get("ExportArn").stringValue())
                    .put("ExportStatus", description.get("ExportStatus").stringValue())
                    .put("ExportType", description.get("ExportType").stringValue());
        }
        if (page.nextToken() != null) {
            response.put("NextToken", page.nextToken());
        }
        return response;
    }
}
