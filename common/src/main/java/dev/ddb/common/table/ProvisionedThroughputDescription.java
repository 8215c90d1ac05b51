package dev.ddb.common.table;

import java.time.Instant;

/**
 * The ProvisionedThroughput of a table or global secondary index as DescribeTable shows it: the
 * units, when they were last increased and decreased (null: never), and how many decreases the
 * current UTC day has seen. An on-demand table or index shows 0/0.
 */
public record ProvisionedThroughputDescription(Instant lastIncreaseDateTime, Instant lastDecreaseDateTime,
                                               long numberOfDecreasesToday, long readCapacityUnits,
                                               long writeCapacityUnits) {

    /** The capacity of a new table or index. */
    public static ProvisionedThroughputDescription of(long readCapacityUnits, long writeCapacityUnits) {
        return new ProvisionedThroughputDescription(null, null, 0, readCapacityUnits, writeCapacityUnits);
    }

    /** On demand: no units, shown as 0/0 as DynamoDB shows it. */
    public static ProvisionedThroughputDescription onDemand() {
        return of(0, 0);
    }
}
