package dev.ddb.backup.ondemand;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.ddb.backup.storage.Backup;
import dev.ddb.backup.storage.BackupCatalog;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.region.Regions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ListBackups: the region's backups oldest first, filtered by table (name or ARN), by creation
 * time (TimeRangeLowerBound inclusive, TimeRangeUpperBound exclusive) and by BackupType (every
 * backup here is USER: SYSTEM and AWS_BACKUP list none, ALL lists them all), paged by Limit and
 * ExclusiveStartBackupArn. LastEvaluatedBackupArn is there only when more backups follow.
 */
@Component
public class ListBackupsOperation implements Operation {

    /** The most DynamoDB lists in a page (1 MB of summaries); Limit is 1-100 by the API model. */
    private static final int PAGE = 100;

    private final BackupCatalog catalog;

    public ListBackupsOperation(BackupCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String tableKey = tableKey(context, request.get("TableName"));
        Double lower = seconds(request.get("TimeRangeLowerBound"));
        Double upper = seconds(request.get("TimeRangeUpperBound"));
        JsonNode type = request.get("BackupType");
        boolean user = type == null || type.isNull() || type.stringValue().equals("USER") || type.stringValue().equals("ALL");
        int limit = request.hasNonNull("Limit") ? request.get("Limit").intValue() : PAGE;
        String exclusiveStart = backupId(request.get("ExclusiveStartBackupArn"));

        List<Backup> matching = new ArrayList<>();
        if (user) {
            for (Backup backup : catalog.backups()) {
                double created = backup.creationDateTime().toEpochMilli() / 1000.0;
                if (Regions.regionOfKey(backup.tableKey()).equals(context.region())
                        && (tableKey == null || backup.tableKey().equals(tableKey))
                        && (lower == null || created >= lower) && (upper == null || created < upper)
                        && (exclusiveStart == null || backup.backupId().compareTo(exclusiveStart) > 0)) {
                    matching.add(backup);
                }
            }
        }
        ObjectNode response = Json.object();
        ArrayNode summaries = response.putArray("BackupSummaries");
        matching.stream().limit(limit).forEach(backup -> summaries.add(BackupDescriptions.summary(backup)));
        if (matching.size() > limit) {
            response.put("LastEvaluatedBackupArn", matching.get(limit - 1).backupArn());
        }
        return response;
    }

    private static String tableKey(RequestContext context, JsonNode tableName) {
        if (tableName == null || tableName.isNull()) {
            return null;
        }
        String[] fromArn = BackupArns.regionAndTable(tableName.stringValue());
        return fromArn == null ? context.tableKey(tableName.stringValue()) : Regions.tableKey(fromArn[0], fromArn[1]);
    }

    private static Double seconds(JsonNode time) {
        return time == null || time.isNull() ? null : time.doubleValue();
    }

    /** The id at the end of a backup ARN: backups after it in id (so creation) order follow. */
    private static String backupId(JsonNode arn) {
        if (arn == null || arn.isNull()) {
            return null;
        }
        String value = arn.stringValue();
        int at = value.lastIndexOf("/backup/");
        return at < 0 ? value : value.substring(at + "/backup/".length());
    }
}
