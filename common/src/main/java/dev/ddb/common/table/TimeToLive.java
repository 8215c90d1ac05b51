package dev.ddb.common.table;

import java.time.Instant;

/**
 * A table's Time to Live setting: whether items expire by the Number attribute {@code attributeName}
 * (seconds since the epoch), and when it was last changed (DynamoDB allows one change an hour).
 * A table whose TTL was never set has none (null): disabled.
 *
 * @param attributeName the attribute while enabled; while disabled, the one last enabled (may be null)
 * @param lastUpdate    when TTL was last enabled or disabled
 */
public record TimeToLive(boolean enabled, String attributeName, Instant lastUpdate) {

    public static TimeToLive enabled(String attributeName, Instant now) {
        return new TimeToLive(true, attributeName, now);
    }

    public static TimeToLive disabled(String attributeName, Instant now) {
        return new TimeToLive(false, attributeName, now);
    }

    /** The attribute items expire by, or null while TTL is disabled. */
    public static String expiryAttribute(TimeToLive timeToLive) {
        return timeToLive != null && timeToLive.enabled() ? timeToLive.attributeName() : null;
    }

    /** Whether {@code other} (may be null) is a later setting than this one. */
    public static boolean newer(TimeToLive other, TimeToLive than) {
        if (other == null) {
            return false;
        }
        if (than == null) {
            return true;
        }
        return other.lastUpdate() != null && (than.lastUpdate() == null || other.lastUpdate().isAfter(than.lastUpdate()));
    }
}
