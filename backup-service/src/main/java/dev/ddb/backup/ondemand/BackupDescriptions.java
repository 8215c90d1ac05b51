package dev.ddb.backup.ondemand;

import java.time.Instant;

import dev.ddb.backup.storage.Backup;
import dev.ddb.backup.storage.BackupStatus;
import dev.ddb.common.json.Json;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.LocalSecondaryIndex;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.Projection;
import dev.ddb.common.table.SseDescription;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.common.table.TimeToLive;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shapes the backup operations answer: BackupDetails, BackupDescription, BackupSummary. */
public final class BackupDescriptions {

    private BackupDescriptions() {
    }

    public static ObjectNode details(Backup backup) {
        ObjectNode details = Json.object()
                .put("BackupArn", backup.backupArn())
                .put("BackupName", backup.backupName())
                .put("BackupSizeBytes", backup.sizeBytes())
                .put("BackupStatus", backup.status().name())
                .put("BackupType", "USER");
        putTime(details, "BackupCreationDateTime", backup.creationDateTime());
        return details;
    }

    /** DescribeBackup's and DeleteBackup's BackupDescription. */
    public static ObjectNode description(Backup backup) {
        ObjectNode description = Json.object();
        description.set("BackupDetails", details(backup));
        description.set("SourceTableDetails", sourceTableDetails(backup));
        description.set("SourceTableFeatureDetails", featureDetails(backup.table()));
        return description;
    }

    /** ListBackups' BackupSummary. */
    public static ObjectNode summary(Backup backup) {
        TableDescription table = backup.table();
        ObjectNode summary = Json.object()
                .put("TableName", table.tableName())
                .put("TableId", table.tableId())
                .put("TableArn", table.tableArn())
                .put("BackupArn", backup.backupArn())
                .put("BackupName", backup.backupName());
        putTime(summary, "BackupCreationDateTime", backup.creationDateTime());
        summary.put("BackupStatus", backup.status().name())
                .put("BackupType", "USER")
                .put("BackupSizeBytes", backup.sizeBytes());
        return summary;
    }

    /** The description DeleteBackup answers: the backup as it was, with BackupStatus DELETED. */
    public static ObjectNode deleted(Backup backup) {
        return description(backup.withStatus(BackupStatus.DELETED));
    }

    private static ObjectNode sourceTableDetails(Backup backup) {
        TableDescription table = backup.table();
        ObjectNode details = Json.object()
                .put("TableName", table.tableName())
                .put("TableId", table.tableId())
                .put("TableArn", table.tableArn())
                .put("TableSizeBytes", backup.sizeBytes());
        details.set("KeySchema", TableDescriptionJson.keySchema(table.keySchema()));
        putTime(details, "TableCreationDateTime", table.creationDateTime());
        details.set("ProvisionedThroughput", throughput(table.provisionedThroughput()));
        details.put("ItemCount", backup.itemCount());
        details.put("BillingMode", table.billingMode().name());
        return details;
    }

    private static ObjectNode featureDetails(TableDescription table) {
        ObjectNode features = Json.object();
        if (!table.localSecondaryIndexes().isEmpty()) {
            ArrayNode locals = features.putArray("LocalSecondaryIndexes");
            for (LocalSecondaryIndex index : table.localSecondaryIndexes()) {
                ObjectNode info = locals.addObject().put("IndexName", index.indexName());
                info.set("KeySchema", TableDescriptionJson.keySchema(index.keySchema()));
                info.set("Projection", projection(index.projection()));
            }
        }
        if (!table.globalSecondaryIndexes().isEmpty()) {
            ArrayNode globals = features.putArray("GlobalSecondaryIndexes");
            for (GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
                ObjectNode info = globals.addObject().put("IndexName", index.indexName());
                info.set("KeySchema", TableDescriptionJson.keySchema(index.keySchema()));
                info.set("Projection", projection(index.projection()));
                info.set("ProvisionedThroughput", throughput(index.provisionedThroughput()));
            }
        }
        if (table.streamSpecification() != null) {
            features.putObject("StreamDescription")
                    .put("StreamEnabled", table.streamSpecification().streamEnabled())
                    .put("StreamViewType", table.streamSpecification().streamViewType().name());
        }
        TimeToLive ttl = table.timeToLive();
        ObjectNode timeToLive = features.putObject("TimeToLiveDescription")
                .put("TimeToLiveStatus", ttl != null && ttl.enabled() ? "ENABLED" : "DISABLED");
        if (ttl != null && ttl.enabled() && ttl.attributeName() != null) {
            timeToLive.put("AttributeName", ttl.attributeName());
        }
        // As in the table's description: none for the default AWS owned key.
        SseDescription sse = table.sseDescription();
        if (sse != null) {
            features.putObject("SSEDescription").put("Status", sse.status()).put("SSEType", sse.sseType())
                    .put("KMSMasterKeyArn", sse.kmsMasterKeyArn());
        }
        return features;
    }

    private static ObjectNode projection(Projection projection) {
        ObjectNode node = Json.object().put("ProjectionType", projection.projectionType().name());
        if (!projection.nonKeyAttributes().isEmpty()) {
            ArrayNode attributes = node.putArray("NonKeyAttributes");
            projection.nonKeyAttributes().forEach(attributes::add);
        }
        return node;
    }

    private static ObjectNode throughput(ProvisionedThroughputDescription throughput) {
        return Json.object()
                .put("ReadCapacityUnits", throughput == null ? 0 : throughput.readCapacityUnits())
                .put("WriteCapacityUnits", throughput == null ? 0 : throughput.writeCapacityUnits());
    }

    /** Epoch seconds with a millisecond fraction, as DynamoDB writes date-times. */
    static void putTime(ObjectNode node, String name, Instant time) {
        if (time != null) {
            node.put(name, time.toEpochMilli() / 1000.0);
        }
    }
}
