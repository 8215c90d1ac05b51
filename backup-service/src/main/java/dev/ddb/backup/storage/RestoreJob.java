package dev.ddb.backup.storage;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A restore in progress, recorded before its table is created and removed once it is ACTIVE or
 * abandoned, so that a restart finds it and finishes or abandons it. Its source is a backup
 * ({@code backupArn}), or a point in time of a table's archive ({@code sourceTableId},
 * {@code restoreMillis}, and {@code sequenceBound}, the archive's watermark when the restore
 * started: only changes up to it are replayed, so a resumed restore loads the same items).
 *
 * @param targetTableKey the restored table's key ({@code Regions.tableKey})
 * @param backupArn      the backup restored, or null for a point-in-time restore
 * @param tableId        the TableId table-service gave the restored table; null until it answered
 */
public record RestoreJob(String targetTableKey, String backupArn, String tableId, String sourceTableId,
                         String sourceTableArn, long restoreMillis, long sequenceBound) {

    public RestoreJob(String targetTableKey, String backupArn, String tableId) {
        this(targetTableKey, backupArn, tableId, null, null, 0, 0);
    }

    public static RestoreJob pointInTime(String targetTableKey, String sourceTableId, String sourceTableArn,
                                         long restoreMillis, long sequenceBound) {
        return new RestoreJob(targetTableKey, null, null, sourceTableId, sourceTableArn, restoreMillis, sequenceBound);
    }

    public boolean pointInTime() {
        return backupArn == null;
    }

    /** What is restored, for the log. */
    public String source() {
        return pointInTime() ? "table " + sourceTableArn + " at " + java.time.Instant.ofEpochMilli(restoreMillis) : backupArn;
    }

    public RestoreJob withTableId(String id) {
        return new RestoreJob(targetTableKey, backupArn, id, sourceTableId, sourceTableArn, restoreMillis, sequenceBound);
    }

    byte[] toJson() {
        ObjectNode node = Json.object().put("TargetTableKey", targetTableKey);
        if (backupArn != null) {
            node.put("BackupArn", backupArn);
        } else {
            node.put("SourceTableId", sourceTableId).put("SourceTableArn", sourceTableArn)
                    .put("RestoreMillis", restoreMillis).put("SequenceBound", sequenceBound);
        }
        if (tableId != null) {
            node.put("TableId", tableId);
        }
        return Json.write(node);
    }

    static RestoreJob fromJson(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        JsonNode id = node.get("TableId");
        JsonNode backup = node.get("BackupArn");
        if (backup == null) {
            return new RestoreJob(node.get("TargetTableKey").stringValue(), null, id == null ? null : id.stringValue(),
                    node.get("SourceTableId").stringValue(), node.get("SourceTableArn").stringValue(),
                    node.get("RestoreMillis").longValue(), node.get("SequenceBound").longValue());
        }
        return new RestoreJob(node.get("TargetTableKey").stringValue(), backup.stringValue(),
                id == null ? null : id.stringValue());
    }
}
