package dev.ddb.table.metadata;

import java.time.Instant;
import java.time.ZoneOffset;

import dev.ddb.common.json.Json;
import dev.ddb.table.request.ProvisionedThroughput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ProvisionedThroughputDescription of a table or a global secondary index: the units, when they
 * were last increased and decreased, and how many decreases the current UTC day has seen.
 */
public final class ThroughputDescriptions {

    private ThroughputDescriptions() {
    }

    /** The capacity of a new table or index; none (on-demand) is 0/0, as DynamoDB shows it. */
    public static ObjectNode initial(ProvisionedThroughput throughput) {
        return Json.object()
                .put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", throughput == null ? 0 : throughput.readCapacityUnits())
                .put("WriteCapacityUnits", throughput == null ? 0 : throughput.writeCapacityUnits());
    }

    public static boolean unchanged(JsonNode current, ProvisionedThroughput requested) {
        return readUnits(current) == requested.readCapacityUnits() && writeUnits(current) == requested.writeCapacityUnits();
    }

    public static long readUnits(JsonNode current) {
        return current.path("ReadCapacityUnits").longValue(0);
    }

    public static long writeUnits(JsonNode current) {
        return current.path("WriteCapacityUnits").longValue(0);
    }

    /** The description after a change to {@code requested} at {@code nowMillis}. */
    public static ObjectNode changed(JsonNode current, ProvisionedThroughput requested, long nowMillis) {
        long read = readUnits(current);
        long write = writeUnits(current);
        boolean increase = requested.readCapacityUnits() > read || requested.writeCapacityUnits() > write;
        boolean decrease = requested.readCapacityUnits() < read || requested.writeCapacityUnits() < write;
        JsonNode lastIncrease = current.get("LastIncreaseDateTime");
        JsonNode lastDecrease = current.get("LastDecreaseDateTime");
        long decreasesToday = sameUtcDay(lastDecrease, nowMillis) ? current.path("NumberOfDecreasesToday").longValue(0) : 0;

        ObjectNode description = Json.object();
        if (increase) {
            description.put("LastIncreaseDateTime", seconds(nowMillis));
        } else if (lastIncrease != null) {
            description.set("LastIncreaseDateTime", lastIncrease);
        }
        if (decrease) {
            description.put("LastDecreaseDateTime", seconds(nowMillis));
            decreasesToday++;
        } else if (lastDecrease != null) {
            description.set("LastDecreaseDateTime", lastDecrease);
        }
        description.put("NumberOfDecreasesToday", decreasesToday);
        description.put("ReadCapacityUnits", requested.readCapacityUnits());
        description.put("WriteCapacityUnits", requested.writeCapacityUnits());
        return description;
    }

    /** NumberOfDecreasesToday counts decreases of the current UTC day. */
    private static boolean sameUtcDay(JsonNode epochSeconds, long nowMillis) {
        if (epochSeconds == null) {
            return false;
        }
        return day((long) (epochSeconds.doubleValue() * 1000)) == day(nowMillis);
    }

    private static long day(long millis) {
        return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    /** DynamoDB writes date-times as epoch seconds with a fraction. */
    public static double seconds(long millis) {
        return millis / 1000.0;
    }
}
