package dev.ddb.table.request;

import tools.jackson.databind.JsonNode;

/**
 * OnDemandThroughput of a table or global secondary index as sent (member types already checked):
 * either member may be absent (null); -1 asks to remove a maximum, which only UpdateTable accepts.
 */
public record OnDemandMaximums(Long maxReadRequestUnits, Long maxWriteRequestUnits) {

    public static final String READ = "MaxReadRequestUnits";
    public static final String WRITE = "MaxWriteRequestUnits";

    static OnDemandMaximums read(JsonNode parent) {
        JsonNode node = RequestMembers.structure(parent, "OnDemandThroughput");
        if (node == null) {
            return null;
        }
        return new OnDemandMaximums(RequestMembers.longValue(node, READ), RequestMembers.longValue(node, WRITE));
    }

    /** {@code {}}: neither member given. */
    public boolean isEmpty() {
        return maxReadRequestUnits == null && maxWriteRequestUnits == null;
    }

    /** The first member given, in the order DynamoDB names them in its messages. */
    public String firstMember() {
        return maxReadRequestUnits != null ? READ : maxWriteRequestUnits != null ? WRITE : null;
    }

    /**
     * The first member whose value is out of range, or null: a maximum is at least 1; -1 (remove
     * the maximum) is in range only where {@code removalAllowed} (UpdateTable).
     */
    public String memberOutOfRange(boolean removalAllowed) {
        if (outOfRange(maxReadRequestUnits, removalAllowed)) {
            return READ;
        }
        return outOfRange(maxWriteRequestUnits, removalAllowed) ? WRITE : null;
    }

    private static boolean outOfRange(Long units, boolean removalAllowed) {
        return units != null && units < 1 && !(removalAllowed && units == -1);
    }
}
