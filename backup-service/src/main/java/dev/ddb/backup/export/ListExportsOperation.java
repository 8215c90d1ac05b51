package dev.ddb.backup.export;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.region.Regions;
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
        List<ObjectNode> exports = catalog.exports().stream()
                .filter(record -> Regions.ofArn(record.get("Arn").stringValue()).equals(context.region()))
                .filter(record -> tableArn == null || tableArn.equals(record.get("Description").get("TableArn").stringValue()))
                .toList();
        int start = 0;
        if (next != null) {
            start = -1;
            for (int i = 0; i < exports.size(); i++) {
                if (exports.get(i).get("Arn").stringValue().equals(next)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw DynamoDbException.validation("Invalid NextToken");
            }
        }
        ObjectNode response = Json.object();
        ArrayNode summaries = response.putArray("ExportSummaries");
        int end = Math.min(exports.size(), start + max);
        for (int i = start; i < end; i++) {
            JsonNode description = exports.get(i).get("Description");
            summaries.addObject().put("ExportArn", description.get("ExportArn").stringValue())
                    .put("ExportStatus", description.get("ExportStatus").stringValue())
                    .put("ExportType", description.get("ExportType").stringValue());
        }
        if (end < exports.size()) {
            response.put("NextToken", exports.get(end - 1).get("Arn").stringValue());
        }
        return response;
    }
}
