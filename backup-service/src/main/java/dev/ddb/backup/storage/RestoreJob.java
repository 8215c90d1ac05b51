package dev.ddb.backup.storage;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A restore in progress, recorded before its table is created and removed once it is ACTIVE or
 * abandoned, so that a restart finds it and finishes or abandons it.
 *
 * @param targetTableKey the restored table's key ({@code Regions.tableKey})
 * @param tableId        the TableId table-service gave the restored table; null until it answered
 */
public record RestoreJob(String targetTableKey, String backupArn, String tableId) {

    public RestoreJob withTableId(String id) {
        return new RestoreJob(targetTableKey, backupArn, id);
    }

    byte[] toJson() {
        ObjectNode node = Json.object().put("TargetTableKey", targetTableKey).put("BackupArn", backupArn);
        if (tableId != null) {
            node.put("TableId", tableId);
        }
        return Json.write(node);
    }

    static RestoreJob fromJson(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        JsonNode id = node.get("TableId");
        return new RestoreJob(node.get("TargetTableKey").stringValue(), node.get("BackupArn").stringValue(),
                id == null ? null : id.stringValue());
    }
}
