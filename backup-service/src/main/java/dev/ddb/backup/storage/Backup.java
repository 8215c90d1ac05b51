package dev.ddb.backup.storage;

import java.time.Instant;

import dev.ddb.common.json.Json;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One on-demand backup as the catalog keeps it.
 *
 * @param backupId  the last part of the ARN ({@code <14-digit epoch millis>-<8 hex>}), also the name of its file
 * @param tableKey  the source table's key ({@code Regions.tableKey})
 * @param table     the source table's full description when the backup was requested (keys, indexes,
 *                  billing, stream and TTL settings, tags)
 * @param sha256    the SHA-256 of the backup's file (hex), null while CREATING
 * @param itemCount the items in the backup (0 while CREATING)
 * @param sizeBytes the items' size as DynamoDB counts it (0 while CREATING)
 */
public record Backup(String backupArn, String backupId, String backupName, String tableKey, BackupStatus status,
                     Instant creationDateTime, TableDescription table, String sha256, long itemCount, long sizeBytes) {

    public Backup available(String fileSha256, long items, long bytes) {
        return new Backup(backupArn, backupId, backupName, tableKey, BackupStatus.AVAILABLE, creationDateTime, table,
                fileSha256, items, bytes);
    }

    public Backup withStatus(BackupStatus newStatus) {
        return new Backup(backupArn, backupId, backupName, tableKey, newStatus, creationDateTime, table, sha256,
                itemCount, sizeBytes);
    }

    byte[] toJson() {
        ObjectNode node = Json.object()
                .put("BackupArn", backupArn).put("BackupId", backupId).put("BackupName", backupName)
                .put("TableKey", tableKey).put("BackupStatus", status.name())
                .put("BackupCreationMillis", creationDateTime.toEpochMilli())
                .put("ItemCount", itemCount).put("SizeBytes", sizeBytes);
        if (sha256 != null) {
            node.put("Sha256", sha256);
        }
        node.set("Table", TableDescriptionJson.writeStored(table));
        return Json.write(node);
    }

    static Backup fromJson(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        JsonNode sha = node.get("Sha256");
        return new Backup(node.get("BackupArn").stringValue(), node.get("BackupId").stringValue(),
                node.get("BackupName").stringValue(), node.get("TableKey").stringValue(),
                BackupStatus.valueOf(node.get("BackupStatus").stringValue()),
                Instant.ofEpochMilli(node.get("BackupCreationMillis").longValue()),
                TableDescriptionJson.read(node.get("Table")), sha == null ? null : sha.stringValue(),
                node.get("ItemCount").longValue(), node.get("SizeBytes").longValue());
    }
}
