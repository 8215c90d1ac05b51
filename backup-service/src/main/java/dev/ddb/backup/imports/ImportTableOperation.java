package dev.ddb.backup.imports;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ddb.backup.BackupServiceProperties;
import dev.ddb.backup.clients.TableServiceClient;
import dev.ddb.backup.export.TransferCatalog;
import dev.ddb.backup.export.TransferErrors;
import dev.ddb.backup.ondemand.BackupArns;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.RestoreSummary;
import dev.ddb.common.table.TableDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ImportTable: a new table from the files under {@code <export-root>/<S3Bucket>} whose keys start
 * with S3KeyPrefix, in DYNAMODB_JSON or CSV, GZIP or NONE. The table is created through
 * table-service CREATING (with a RestoreSummary naming the import, as restored tables have one),
 * loaded by {@link ImportRunner} through item-service, then ACTIVE; an import that fails removes
 * its table. A ClientToken seen before answers that import when the parameters are the same,
 * ImportConflictException when they are not; a table of that name existing: ResourceInUseException.
 */
@Component
public class ImportTableOperation implements Operation {

    private static final Logger LOG = LoggerFactory.getLogger(ImportTableOperation.class);

    private final TransferCatalog catalog;
    private final TableServiceClient tables;
    private final ImportRunner runner;
    private final String accountId;

    public ImportTableOperation(TransferCatalog catalog, TableServiceClient tables, ImportRunner runner,
                                BackupServiceProperties properties) {
        this.catalog = catalog;
        this.tables = tables;
        this.runner = runner;
        this.accountId = properties.accountId();
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        JsonNode source = request.get("S3BucketSource");
        if (source == null || source.isNull()) {
            throw missing("s3BucketSource");
        }
        String bucket = text(source, "S3Bucket");
        if (bucket == null) {
            throw missing("s3BucketSource.s3Bucket");
        }
        if (bucket.length() > 255 || !dev.ddb.backup.export.ExportTableToPointInTimeOperation.BUCKET.matcher(bucket).matches()) {
            throw DynamoDbException.validation("Invalid S3Bucket: " + bucket);
        }
        String prefix = Optional.ofNullable(text(source, "S3KeyPrefix")).orElse("");
        if (prefix.startsWith("/") || prefix.contains("..") || prefix.contains("\\")) {
            throw DynamoDbException.validation("Invalid S3KeyPrefix: " + prefix);
        }
        String format = text(request, "InputFormat");
        if (format == null) {
            throw missing("inputFormat");
        }
        if (format.equals("ION")) {
            throw DynamoDbException.validation("InputFormat ION is not supported by this implementation; use DYNAMODB_JSON or CSV");
        }
        if (!format.equals("DYNAMODB_JSON") && !format.equals("CSV")) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + format
                    + "' at 'inputFormat' failed to satisfy constraint: Member must satisfy enum value set: [DYNAMODB_JSON, ION, CSV]");
        }
        String compression = Optional.ofNullable(text(request, "InputCompressionType")).orElse("NONE");
        if (compression.equals("ZSTD")) {
            throw DynamoDbException.validation("InputCompressionType ZSTD is not supported by this implementation; use GZIP or NONE");
        }
        if (!compression.equals("GZIP") && !compression.equals("NONE")) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + compression
                    + "' at 'inputCompressionType' failed to satisfy constraint: Member must satisfy enum value set: [GZIP, ZSTD, NONE]");
        }
        JsonNode options = request.get("InputFormatOptions");
        if (options != null && !options.isNull() && options.has("Csv")) {
            if (!format.equals("CSV")) {
                throw DynamoDbException.validation("InputFormatOptions.Csv can only be specified with InputFormat CSV");
            }
            String delimiter = text(options.get("Csv"), "Delimiter");
            if (delimiter != null && delimiter.length() != 1) {
                throw DynamoDbException.validation("InputFormatOptions.Csv.Delimiter must be a single character");
            }
        }
        JsonNode parameters = request.get("TableCreationParameters");
        if (parameters == null || parameters.isNull()) {
            throw missing("tableCreationParameters");
        }
        String tableName = text(parameters, "TableName");
        if (tableName == null) {
            throw missing("tableCreationParameters.tableName");
        }
        String clientToken = text(request, "ClientToken");
        ObjectNode asked = request.deepCopy();
        asked.remove("ClientToken");
        if (clientToken != null) {
            Optional<ObjectNode> same = sameToken(clientToken, asked);
            if (same.isPresent()) {
                return response(same.get());
            }
        }
        String tableKey = context.tableKey(tableName);
        if (tables.table(tableKey).isPresent()) {
            throw DynamoDbException.resourceInUse("Table already exists: " + tableName);
        }
        ObjectNode createTable = Json.object().put("TableName", tableName);
        for (String field : new String[] {"AttributeDefinitions", "KeySchema", "BillingMode", "ProvisionedThroughput",
                "GlobalSecondaryIndexes", "SSESpecification", "OnDemandThroughput"}) {
            if (parameters.has(field) && !parameters.get(field).isNull()) {
                createTable.set(field, parameters.get(field).deepCopy());
            }
        }

        long now = System.currentTimeMillis();
        String tableArn = "arn:aws:dynamodb:" + context.region() + ":" + accountId + ":table/" + tableName;
        String importArn = tableArn + "/import/" + BackupArns.newBackupId(now);
        ObjectNode description = Json.object()
                .put("ImportArn", importArn)
                .put("ImportStatus", "IN_PROGRESS")
                .put("TableArn", tableArn);
        if (clientToken != null) {
            description.put("ClientToken", clientToken);
        }
        description.set("S3BucketSource", source.deepCopy());
        description.put("ErrorCount", 0)
                .put("InputFormat", format);
        if (options != null && !options.isNull()) {
            description.set("InputFormatOptions", options.deepCopy());
        }
        description.put("InputCompressionType", compression);
        description.set("TableCreationParameters", parameters.deepCopy());
        description.put("StartTime", TransferErrors.seconds(now))
                .put("ProcessedSizeBytes", 0)
                .put("ProcessedItemCount", 0)
                .put("ImportedItemCount", 0);
        ObjectNode record = Json.object().put("Arn", importArn).put("TableKey", tableKey);
        record.set("Description", description);
        record.set("Parameters", asked);
        synchronized (catalog) {
            if (clientToken != null) {
                Optional<ObjectNode> same = sameToken(clientToken, asked);
                if (same.isPresent()) {
                    return response(same.get());
                }
            }
            catalog.putImport(importArn, record);
        }
        TableDescription created;
        try {
            created = tables.createRestored(context.region(), createTable,
                    new RestoreSummary(null, importArn, Instant.ofEpochMilli(now), true));
        } catch (RuntimeException e) {
            description.put("ImportStatus", "FAILED").put("EndTime", TransferErrors.seconds(System.currentTimeMillis()))
                    .put("FailureCode", "ValidationError").put("FailureMessage", String.valueOf(e.getMessage()));
            catalog.putImport(importArn, record);
            if (e instanceof DynamoDbException dynamo) {
                throw dynamo; // CreateTable's own answer for TableCreationParameters it refuses
            }
            LOG.error("Creating table {} for import {} failed: {}", tableKey, importArn, e.toString());
            throw DynamoDbException.internalServerError("Internal server error");
        }
        description.put("TableId", created.tableId()).put("TableArn", created.tableArn());
        catalog.putImport(importArn, record);
        runner.start(importArn);
        return response(record);
    }

    private Optional<ObjectNode> sameToken(String clientToken, ObjectNode asked) {
        for (ObjectNode other : catalog.imports()) {
            if (clientToken.equals(other.get("Description").path("ClientToken").stringValue(null))) {
                if (other.get("Parameters").equals(asked)) {
                    return Optional.of(other);
                }
                throw TransferErrors.importConflict();
            }
        }
        return Optional.empty();
    }

    private static ObjectNode response(ObjectNode record) {
        ObjectNode response = Json.object();
        response.set("ImportTableDescription", record.get("Description"));
        return response;
    }

    private static DynamoDbException missing(String member) {
        return DynamoDbException.validation("1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : value.stringValue();
    }
}
