package dev.ddb.common.table;

/**
 * One Kinesis data stream a table replicates its changes to, as DescribeKinesisStreamingDestination
 * lists it ({@code KinesisDataStreamDestination}). A table keeps every destination it ever had: at
 * most one ENABLING/ACTIVE/UPDATING/DISABLING, any number of DISABLED and ENABLE_FAILED ones, as
 * DynamoDB does. The suite changes a destination at once, so it is stored ACTIVE, DISABLED or
 * ENABLE_FAILED; the transitional states are only what Enable, Disable and Update answer.
 *
 * @param destinationStatusDescription why an ENABLE_FAILED destination failed; null otherwise
 * @param precision                    ApproximateCreationDateTimePrecision as last set by Enable or
 *                                     Update; null when never set (DynamoDB then shows none and
 *                                     uses MILLISECOND)
 */
public record KinesisDataStreamDestination(String streamArn, String destinationStatus,
                                           String destinationStatusDescription, String precision) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";
    public static final String ENABLE_FAILED = "ENABLE_FAILED";
    public static final String MILLISECOND = "MILLISECOND";
    public static final String MICROSECOND = "MICROSECOND";

    public boolean active() {
        return ACTIVE.equals(destinationStatus);
    }

    /** The precision records are written with: MILLISECOND unless set otherwise. */
    public String effectivePrecision() {
        return precision == null ? MILLISECOND : precision;
    }
}
