package dev.ddb.backup.imports;

import org.springframework.stereotype.Component;

import dev.ddb.backup.export.TransferCatalog;
import dev.ddb.backup.export.TransferPage;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ListImports: the imports of the request's region (into one table with TableArn), oldest first,
 * as ImportSummaryList, PageSize (1-25, default 25) at a time; NextToken is the last ARN answered.
 */
@Component
public class ListImportsOperation implements Operation {

    private final TransferCatalog catalog;

    public ListImportsOperation(TransferCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String tableArn = ImportTableOperation.text(request, "TableArn");
        int max = request.path("PageSize").intValue(25);
        if (request.has("PageSize") && (max < 1 || max > 25)) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + max
                    + "' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and 25");
        }
        String next = ImportTableOperation.text(request, "NextToken");
        TransferPage page = TransferPage.of(catalog.imports(), context.region(), tableArn, next, max);
        ObjectNode response = Json.object();
        ArrayNode summaries = response.putArray("ImportSummaryList");
        for (ObjectNode record : page.records()) {
            JsonNode description = record.get("Description");
            ObjectNode summary = summaries.addObject().put("ImportArn", description.get("ImportArn").stringValue())
                    .put("ImportStatus", description.get("ImportStatus").stringValue())
                    .put("TableArn", description.get("TableArn").stringValue());
            summary.set("S3BucketSource", description.get("S3BucketSource"));
            summary.put("InputFormat", description.get("InputFormat").stringValue());
            summary.set("StartTime", description.get("StartTime"));
            if (description.has("EndTime")) {
                summary.set("EndTime", description.get("EndTime"));
            }
        }
        if (page.nextToken() != null) {
            response.put("NextToken", page.nextToken());
        }
        return response;
    }
}
