package dev.ddb.backup.pitr;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import dev.ddb.backup.storage.BackupCorruptedException;
import dev.ddb.backup.storage.BackupFiles;
import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.json.Json;
import dev.ddb.common.table.KeySchema;
import tools.jackson.databind.node.ObjectNode;

/**
 * The items of an archived table at a point in time T: its newest base snapshot taken by T, then
 * every archived change with a sequence above the base's (and up to the restore's bound) and a
 * time up to T, in the order archived. An item's changes are on one partition of the change log,
 * in sequence order, and are archived in that order; so is the order of their times (an item's
 * writes are serialized), so the changes of an item up to T are a prefix of its changes.
 * The state is built in memory (key -> item line), then handed out as {@code {"Item":...}} lines.
 */
@Component
public class PointInTimeItems {

    private final PitrArchives archives;

    public PointInTimeItems(PitrArchives archives) {
        this.archives = archives;
    }

    /** @throws BackupCorruptedException when the archive is gone, trimmed past T, or damaged */
    public void lines(String tableId, long restoreMillis, long sequenceBound, Consumer<String> line) {
        TableArchive archive = archives.archive(tableId)
                .orElseThrow(() -> new BackupCorruptedException("the archive of table " + tableId + " is gone"));
        TableArchive.Base base = archive.baseFor(restoreMillis);
        if (base == null) {
            throw new BackupCorruptedException("the archive of table " + tableId + " has no base snapshot before "
                    + restoreMillis);
        }
        KeySchema keys = archive.table().keySchema();
        Map<String, String> items = new LinkedHashMap<>();
        BackupFiles files = archives.bases(tableId);
        files.verify(base.id(), base.sha256());
        files.readLines(base.id(), itemLine -> {
            Map<String, AttributeValue> item = AttributeValueJson.readStoredItem(Json.read(itemLine.getBytes(StandardCharsets.UTF_8)).get("Item"));
            items.put(key(keys, item), itemLine);
        });
        for (TableArchive.Segment segment : archive.segments()) {
            if (segment.maxSequence() <= base.sequence() && segment.length() > 0) {
                continue;
            }
            long read = SegmentFile.read(archives.segmentPath(tableId, segment.name()), segment.length(), archives.segmentCipher(), payload -> {
                ItemChange change = ItemChange.fromJson(payload);
                if (change.sequence() <= base.sequence() || change.sequence() > sequenceBound
                        || change.timeMillis() > restoreMillis) {
                    return;
                }
                String key = key(keys, change.keys());
                if (change.newImage() == null) {
                    items.remove(key);
                } else {
                    ObjectNode itemLine = Json.object();
                    itemLine.set("Item", AttributeValueJson.writeItem(change.newImage()));
                    items.put(key, new String(Json.write(itemLine), StandardCharsets.UTF_8));
                }
            });
            if (read != segment.length()) {
                throw new BackupCorruptedException("archive segment " + segment.name() + " of table " + tableId
                        + " is damaged at byte " + read);
            }
        }
        items.values().forEach(line);
    }

    /**
     * The archived changes of a table with a time in [fromMillis, toMillis) and a sequence up to
     * {@code sequenceBound}, in the order archived (for incremental exports).
     *
     * @throws BackupCorruptedException when the archive is gone or damaged
     */
    public void changes(String tableId, long fromMillis, long toMillis, long sequenceBound, Consumer<ItemChange> consumer) {
        TableArchive archive = archives.archive(tableId)
                .orElseThrow(() -> new BackupCorruptedException("the archive of table " + tableId + " is gone"));
        for (TableArchive.Segment segment : archive.segments()) {
            if (segment.length() > 0 && segment.maxTimeMillis() < fromMillis) {
                continue;
            }
            long read = SegmentFile.read(archives.segmentPath(tableId, segment.name()), segment.length(), archives.segmentCipher(), payload -> {
                ItemChange change = ItemChange.fromJson(payload);
                if (change.sequence() <= sequenceBound && change.timeMillis() >= fromMillis && change.timeMillis() < toMillis) {
                    consumer.accept(change);
                }
            });
            if (read != segment.length()) {
                throw new BackupCorruptedException("archive segment " + segment.name() + " of table " + tableId
                        + " is damaged at byte " + read);
            }
        }
    }

    /** The latest restorable (and exportable) time of a table's archive. */
    public long latest(TableArchive archive) {
        return ContinuousBackups.latest(archive, archives);
    }

    /** The key of an item as a string, equal for equal keys. */
    public static String keyString(KeySchema schema, Map<String, AttributeValue> item) {
        return key(schema, item);
    }

    private static String key(KeySchema schema, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(schema.hashKey(), item.get(schema.hashKey()));
        if (schema.rangeKey() != null) {
            key.put(schema.rangeKey(), item.get(schema.rangeKey()));
        }
        return new String(Json.write(AttributeValueJson.writeItem(key)), StandardCharsets.UTF_8);
    }
}
