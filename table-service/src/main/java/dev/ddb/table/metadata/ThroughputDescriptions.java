package dev.ddb.table.metadata;

import java.time.Instant;
import java.time.ZoneOffset;

import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.table.request.ProvisionedThroughput;

/**
 * ProvisionedThroughputDescription of a table or a global secondary index: the units, when they
 * were last increased and decreased, and how many decreases the current UTC day has seen.
 */
public final class ThroughputDescriptions {

    private ThroughputDescriptions() {
    }

    /** The capacity of a new table or index; none (on-demand) is 0/0, as DynamoDB shows it. */
    public static ProvisionedThroughputDescription initial(ProvisionedThroughput throughput) {
        return throughput == null ? ProvisionedThroughputDescription.onDemand()
                : ProvisionedThroughputDescription.of(throughput.readCapacityUnits(), throughput.writeCapacityUnits());
    }

    public static boolean unchanged(ProvisionedThroughputDescription current, ProvisionedThroughput requested) {
        return current.readCapacityUnits() == requested.readCapacityUnits()
                && current.writeCapacityUnits() == requested.writeCapacityUnits();
    }

    /** The description after a change to {@code requested} at {@code nowMillis}. */
    public static ProvisionedThroughputDescription changed(ProvisionedThroughputDescription current,
                                                           ProvisionedThroughput requested, long nowMillis) {
        long read = current.readCapacityUnits();
        long write = current.writeCapacityUnits();
        boolean increase = requested.readCapacityUnits() > read || requested.writeCapacityUnits() > write;
        boolean decrease = requested.readCapacityUnits() < read || requested.writeCapacityUnits() < write;
        Instant now = Instant.ofEpochMilli(nowMillis);
        long decreasesToday = sameUtcDay(current.lastDecreaseDateTime(), now) ? current.numberOfDecreasesToday() : 0;
        return new ProvisionedThroughputDescription(
                increase ? now : current.lastIncreaseDateTime(),
                decrease ? now : current.lastDecreaseDateTime(),
                decrease ? decreasesToday + 1 : decreasesToday,
                requested.readCapacityUnits(),
                requested.writeCapacityUnits());
    }

    /** NumberOfDecreasesToday counts decreases of the current UTC day. */
    private static boolean sameUtcDay(Instant time, Instant now) {
        return time != null && day(time) == day(now);
    }

    private static long day(Instant time) {
        return time.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }
}
