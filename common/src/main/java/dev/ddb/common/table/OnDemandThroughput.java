package dev.ddb.common.table;

/**
 * The OnDemandThroughput of a PAY_PER_REQUEST table or global secondary index: the most read and
 * write request units per second it may use. A null member has no maximum; DynamoDB shows only the
 * members that are set, and no OnDemandThroughput at all when neither is. In a request, -1 removes
 * a maximum ({@link #NO_MAXIMUM}).
 */
public record OnDemandThroughput(Long maxReadRequestUnits, Long maxWriteRequestUnits) {

    /** What a request sends to remove a maximum. */
    public static final long NO_MAXIMUM = -1;

    public OnDemandThroughput {
        maxReadRequestUnits = set(maxReadRequestUnits);
        maxWriteRequestUnits = set(maxWriteRequestUnits);
    }

    /** Null when neither member is set, so that a table without maximums has no OnDemandThroughput. */
    public static OnDemandThroughput of(Long maxReadRequestUnits, Long maxWriteRequestUnits) {
        OnDemandThroughput throughput = new OnDemandThroughput(maxReadRequestUnits, maxWriteRequestUnits);
        return throughput.isEmpty() ? null : throughput;
    }

    public boolean isEmpty() {
        return maxReadRequestUnits == null && maxWriteRequestUnits == null;
    }

    /**
     * {@code current} (null: no maximums) changed by a request's members: a member the request leaves
     * out is kept, -1 removes it, any other value replaces it, as DynamoDB merges UpdateTable's
     * OnDemandThroughput member by member. Null when no maximum is left.
     */
    public static OnDemandThroughput merge(OnDemandThroughput current, Long requestedRead, Long requestedWrite) {
        Long read = current == null ? null : current.maxReadRequestUnits();
        Long write = current == null ? null : current.maxWriteRequestUnits();
        return of(requestedRead == null ? read : requestedRead,
                requestedWrite == null ? write : requestedWrite);
    }

    /** The read maximum of a table or index that may have none. */
    public static Long maxRead(OnDemandThroughput throughput) {
        return throughput == null ? null : throughput.maxReadRequestUnits();
    }

    /** The write maximum of a table or index that may have none. */
    public static Long maxWrite(OnDemandThroughput throughput) {
        return throughput == null ? null : throughput.maxWriteRequestUnits();
    }

    /** A maximum is at least 1; -1 (or any other value below 1) is "none". */
    private static Long set(Long units) {
        return units == null || units < 1 ? null : units;
    }
}
