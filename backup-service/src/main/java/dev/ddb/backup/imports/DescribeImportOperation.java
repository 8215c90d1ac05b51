package dev.ddb.backup.imports;

import org.springframework.stereotype.Component;

import dev.ddb.backup.export.TransferCatalog;
import dev.ddb.backup.export.TransferErrors;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** DescribeImport: the ImportTableDescription of an import by ImportArn. */
@Component
public class DescribeImportOperation implements Operation {

    private final TransferCatalog catalog;

    public DescribeImportOperation(TransferCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String arn = ImportTableOperation.text(request, "ImportArn");
        if (arn == null) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'importArn' failed to satisfy constraint: Member must not be null");
        }
        ObjectNode record = catalog.importRecord(arn).orElseThrow(() -> TransferErrors.importNotFound(arn));
        ObjectNode response = Json.object();
        response.set("ImportTableDescription", record.get("Description"));
        return response;
    }
}
