package dev.ddb.backup.pitr;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.common.json.Json;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Point-in-time recovery of one table (one TableId) as the catalog keeps it: the setting, the
 * table's description as last seen on {@code ddb.table-events}, its base snapshots and its change
 * segments under {@code <data-dir>/pitr/<tableId>/}.
 *
 * @param enabledMillis when PITR was enabled
 * @param deletedMillis when the table was deleted, or 0 while it exists
 * @param bases         base snapshots, oldest first
 * @param segments      change segments, oldest first; the last is the one appended to
 */
public record TableArchive(String tableId, String tableKey, int recoveryPeriodDays, long enabledMillis,
                           long deletedMillis, TableDescription table, List<Base> bases, List<Segment> segments) {

    /**
     * A base snapshot: the table's items holding every change with a sequence up to {@code sequence}
     * and none after, read before {@code timeMillis} (so every change it holds has a time up to it).
     */
    public record Base(String id, long sequence, long timeMillis, String sha256, long itemCount) {
    }

    /** A change segment: its file name, its committed length, the highest sequence and time in it. */
    public record Segment(String name, long length, long maxSequence, long maxTimeMillis) {

        Segment appended(long newLength, long sequence, long time) {
            return new Segment(name, newLength, Math.max(maxSequence, sequence), Math.max(maxTimeMillis, time));
        }
    }

    public static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    public String tableName() {
        return Regions.nameOfKey(tableKey);
    }

    public boolean deleted() {
        return deletedMillis > 0;
    }

    /** The start of the recovery window at {@code now}. */
    public long windowStart(long now) {
        return now - recoveryPeriodDays * DAY_MILLIS;
    }

    /** The earliest restorable time at {@code now}, or -1 while there is no base snapshot yet. */
    public long earliest(long now) {
        if (bases.isEmpty()) {
            return -1;
        }
        return Math.max(bases.get(0).timeMillis(), windowStart(now));
    }

    /** The newest base snapshot taken by {@code time}, or null. */
    public Base baseFor(long time) {
        Base found = null;
        for (Base base : bases) {
            if (base.timeMillis() <= time) {
                found = base;
            }
        }
        return found;
    }

    public TableArchive withRecoveryPeriod(int days) {
        return new TableArchive(tableId, tableKey, days, enabledMillis, deletedMillis, table, bases, segments);
    }

    public TableArchive withTable(TableDescription description) {
        return new TableArchive(tableId, tableKey, recoveryPeriodDays, enabledMillis, deletedMillis, description, bases, segments);
    }

    public TableArchive deletedAt(long millis) {
        return new TableArchive(tableId, tableKey, recoveryPeriodDays, enabledMillis, millis, table, bases, segments);
    }

    public TableArchive withBases(List<Base> newBases) {
        return new TableArchive(tableId, tableKey, recoveryPeriodDays, enabledMillis, deletedMillis, table,
                List.copyOf(newBases), segments);
    }

    public TableArchive withSegments(List<Segment> newSegments) {
        return new TableArchive(tableId, tableKey, recoveryPeriodDays, enabledMillis, deletedMillis, table, bases,
                List.copyOf(newSegments));
    }

    public TableArchive withBase(Base base) {
        List<Base> all = new ArrayList<>(bases);
        all.add(base);
        return withBases(all);
    }

    byte[] toJson() {
        ObjectNode node = Json.object().put("TableId", tableId).put("TableKey", tableKey)
                .put("RecoveryPeriodInDays", recoveryPeriodDays).put("EnabledMillis", enabledMillis)
                .put("DeletedMillis", deletedMillis);
        node.set("Table", TableDescriptionJson.writeStored(table));
        ArrayNode baseNodes = node.putArray("Bases");
        for (Base base : bases) {
            baseNodes.addObject().put("Id", base.id()).put("Sequence", base.sequence()).put("Time", base.timeMillis())
                    .put("Sha256", base.sha256()).put("ItemCount", base.itemCount());
        }
        ArrayNode segmentNodes = node.putArray("Segments");
        for (Segment segment : segments) {
            segmentNodes.addObject().put("Name", segment.name()).put("Length", segment.length())
                    .put("MaxSequence", segment.maxSequence()).put("MaxTime", segment.maxTimeMillis());
        }
        return Json.write(node);
    }

    static TableArchive fromJson(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        List<Base> bases = new ArrayList<>();
        node.get("Bases").forEach(b -> bases.add(new Base(b.get("Id").stringValue(), b.get("Sequence").longValue(),
                b.get("Time").longValue(), b.get("Sha256").stringValue(), b.get("ItemCount").longValue())));
        List<Segment> segments = new ArrayList<>();
        node.get("Segments").forEach(s -> segments.add(new Segment(s.get("Name").stringValue(), s.get("Length").longValue(),
                s.get("MaxSequence").longValue(), s.get("MaxTime").longValue())));
        return new TableArchive(node.get("TableId").stringValue(), node.get("TableKey").stringValue(),
                node.get("RecoveryPeriodInDays").intValue(), node.get("EnabledMillis").longValue(),
                node.get("DeletedMillis").longValue(), TableDescriptionJson.read(node.get("Table")),
                List.copyOf(bases), List.copyOf(segments));
    }
}
