package dev.ddb.stream.trigger;

/** Where a mapping without progress starts reading a stream (Lambda's StartingPosition for DynamoDB). */
public final class StartingPositions {

    public static final String TRIM_HORIZON = "TRIM_HORIZON";
    public static final String LATEST = "LATEST";

    private StartingPositions() {
    }
}
