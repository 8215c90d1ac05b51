package dev.ddb.gateway.access.request;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.ddb.gateway.access.policy.EvaluationContext;

/**
 * The checks of the control plane, backups, exports, imports and the Streams API: the operation's
 * own action ({@code dynamodb:<Operation>}) on the resource the Service Authorization Reference
 * names: the table, the backup, the stream, the export or import (by the ARN the request gives),
 * or {@code *} for operations on no one resource (ListTables, ListBackups, DescribeLimits, ...).
 */
final class ControlPlaneChecks {

    private final DynamoDbArns arns;
    private final EvaluationContext base;

    ControlPlaneChecks(DynamoDbArns arns, EvaluationContext base) {
        this.arns = arns;
        this.base = base;
    }

    /** Operations on one table named by TableName (CreateTable, DescribeTable, CreateBackup, ...). */
    List<AccessCheck> onTable(String operation, JsonNode request) {
        return List.of(check(operation, arns.table(DataPlaneChecks.text(request, "TableName"))));
    }

    /** Operations on a resource named by an ARN parameter (ResourceArn, BackupArn, StreamArn, ExportArn, ...). */
    List<AccessCheck> onArn(String operation, JsonNode request, String parameter) {
        String arn = DataPlaneChecks.text(request, parameter);
        return List.of(check(operation, arn == null ? arns.table(null) : arn));
    }

    /** Operations on no one resource. */
    List<AccessCheck> onAll(String operation) {
        return List.of(check(operation, "*"));
    }

    /** GetRecords names its stream by the ShardIterator, which starts with the stream ARN ({@code <StreamArn>|2|...}, signed by stream-service). */
    List<AccessCheck> getRecords(JsonNode request) {
        String iterator = DataPlaneChecks.text(request, "ShardIterator");
        String resource = "*";
        if (iterator != null) {
            int opaque = iterator.lastIndexOf('|');
            int version = opaque < 0 ? -1 : iterator.lastIndexOf('|', opaque - 1);
            if (version > 0) {
                resource = iterator.substring(0, version);
            }
        }
        return List.of(check("GetRecords", resource));
    }

    /** RestoreTableFromBackup: the action on the backup and on the table it creates. */
    List<AccessCheck> restoreTableFromBackup(JsonNode request) {
        List<AccessCheck> checks = new ArrayList<>(onArn("RestoreTableFromBackup", request, "BackupArn"));
        checks.add(check("RestoreTableFromBackup", arns.table(DataPlaneChecks.text(request, "TargetTableName"))));
        return checks;
    }

    /** RestoreTableToPointInTime: the action on the source table (by name or ARN) and on the table it creates. */
    List<AccessCheck> restoreTableToPointInTime(JsonNode request) {
        String source = DataPlaneChecks.text(request, "SourceTableArn");
        if (source == null) {
            source = DataPlaneChecks.text(request, "SourceTableName");
        }
        return List.of(check("RestoreTableToPointInTime", arns.table(source)),
                check("RestoreTableToPointInTime", arns.table(DataPlaneChecks.text(request, "TargetTableName"))));
    }

    /** ImportTable: the table it creates (TableCreationParameters.TableName). */
    List<AccessCheck> importTable(JsonNode request) {
        return List.of(check("ImportTable",
                arns.table(DataPlaneChecks.text(request.path("TableCreationParameters"), "TableName"))));
    }

    private AccessCheck check(String operation, String resource) {
        return new AccessCheck("dynamodb:" + operation, resource, base);
    }
}
