package dev.ddb.gateway.access.request;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.ddb.gateway.access.policy.EvaluationContext;

/**
 * What one DynamoDB or DynamoDB Streams request must be allowed to do: its IAM action(s), on which
 * resource(s), with which condition keys. The request's global keys ({@code aws:username}, ...)
 * come in {@code base}; the DynamoDB keys are added per check.
 */
public final class OperationChecks {

    private OperationChecks() {
    }

    /**
     * @param schemas the key schemas for {@code dynamodb:LeadingKeys}, or null when no policy names that key
     */
    public static List<AccessCheck> of(String operation, JsonNode request, DynamoDbArns arns, KeySchemas schemas,
                                       EvaluationContext base) {
        DataPlaneChecks items = new DataPlaneChecks(arns, new PartitionKeys(schemas), base);
        ControlPlaneChecks control = new ControlPlaneChecks(arns, base);
        PartiQlChecks partiQl = new PartiQlChecks(arns, base);
        return switch (operation) {
            case "GetItem" -> items.getItem(request);
            case "PutItem" -> items.putItem(request);
            case "UpdateItem" -> items.updateItem(request);
            case "DeleteItem" -> items.deleteItem(request);
            case "Query" -> items.query(request);
            case "Scan" -> items.scan(request);
            case "BatchGetItem" -> items.batchGetItem(request);
            case "BatchWriteItem" -> items.batchWriteItem(request);
            case "TransactGetItems" -> items.transactGetItems(request);
            case "TransactWriteItems" -> items.transactWriteItems(request);
            case "ExecuteStatement" -> partiQl.executeStatement(request);
            case "BatchExecuteStatement" -> partiQl.batchExecuteStatement(request);
            case "ExecuteTransaction" -> partiQl.executeTransaction(request);
            case "ListTagsOfResource", "TagResource", "UntagResource" -> control.onArn(operation, request, "ResourceArn");
            case "DescribeBackup", "DeleteBackup" -> control.onArn(operation, request, "BackupArn");
            case "DescribeStream", "GetShardIterator" -> control.onArn(operation, request, "StreamArn");
            case "DescribeExport" -> control.onArn(operation, request, "ExportArn");
            case "DescribeImport" -> control.onArn(operation, request, "ImportArn");
            case "ExportTableToPointInTime" -> control.onArn(operation, request, "TableArn");
            case "GetRecords" -> control.getRecords(request);
            case "RestoreTableFromBackup" -> control.restoreTableFromBackup(request);
            case "RestoreTableToPointInTime" -> control.restoreTableToPointInTime(request);
            case "ImportTable" -> control.importTable(request);
            case "ListTables", "ListBackups", "ListExports", "ListImports", "ListStreams", "DescribeLimits",
                 "DescribeEndpoints", "ListGlobalTables" -> control.onAll(operation);
            // CreateTable, DescribeTable, UpdateTable, DeleteTable, the TTL and continuous-backup
            // settings, CreateBackup, and whatever else names its table by TableName.
            default -> request.has("TableName") ? control.onTable(operation, request) : control.onAll(operation);
        };
    }

    /** The tables whose key schemas the operation's leading keys need (none for operations without any). */
    public static Set<String> tablesWithLeadingKeys(String operation, JsonNode request) {
        Set<String> tables = new LinkedHashSet<>();
        switch (operation) {
            case "GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query" -> add(tables, request.get("TableName"));
            case "BatchGetItem", "BatchWriteItem" -> {
                for (Map.Entry<String, JsonNode> table : request.path("RequestItems").properties()) {
                    tables.add(DynamoDbArns.tableName(table.getKey()));
                }
            }
            case "TransactGetItems", "TransactWriteItems" -> {
                for (JsonNode item : request.path("TransactItems")) {
                    for (JsonNode entry : item) {
                        add(tables, entry.get("TableName"));
                    }
                }
            }
            default -> {
            }
        }
        return tables;
    }

    private static void add(Set<String> tables, JsonNode tableName) {
        if (tableName != null && tableName.isString()) {
            tables.add(DynamoDbArns.tableName(tableName.stringValue()));
        }
    }
}
