package dev.ddb.backup.export;

import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** DescribeExport: the ExportDescription of an export by ExportArn. */
@Component
public class DescribeExportOperation implements Operation {

    private final TransferCatalog catalog;

    public DescribeExportOperation(TransferCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String arn = ExportTableToPointInTimeOperation.text(request, "ExportArn");
        if (arn == null) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'exportArn' failed to satisfy constraint: Member must not be null");
        }
        ObjectNode record = catalog.export(arn).orElseThrow(() -> TransferErrors.exportNotFound(arn));
        ObjectNode response = Json.object();
        response.set("ExportDescription", record.get("Description"));
        return response;
    }
}
