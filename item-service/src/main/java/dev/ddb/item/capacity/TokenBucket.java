package dev.ddb.item.capacity;

/**
 * Capacity units refilled at a steady rate, holding up to {@code burstSeconds} of unused units
 * (DynamoDB's burst capacity: up to 300 seconds). A request may take the bucket below zero (it is
 * charged what it actually consumed after it ran); a bucket in debt admits nothing until it refilled.
 */
final class TokenBucket {

    private double rate;
    private double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(double rate, double burstSeconds, long now) {
        this.rate = rate;
        this.capacity = capacity(rate, burstSeconds);
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** True while the bucket holds units (is not empty or in debt). */
    synchronized boolean available(long now) {
        refill(now);
        return tokens > 0;
    }

    /** Takes the units a request consumed (negative units give back an estimate that was too high). */
    synchronized void charge(double units, long now) {
        refill(now);
        tokens = Math.min(capacity, tokens - units);
    }

    /** A new provisioned rate (UpdateTable): applies from now on, the units held so far kept up to the new burst. */
    synchronized void rate(double newRate, double burstSeconds, long now) {
        refill(now);
        rate = newRate;
        capacity = capacity(newRate, burstSeconds);
        tokens = Double.isInfinite(newRate) ? capacity : Math.min(tokens, capacity);
    }

    /** The rate and burst of the table's current description; nothing changes while they stay the same. */
    synchronized void follow(double newRate, double burstSeconds, long now) {
        if (newRate != rate || capacity(newRate, burstSeconds) != capacity) {
            rate(newRate, burstSeconds, now);
        }
    }

    synchronized double rate() {
        return rate;
    }

    /** Unlimited (an infinite rate) stays unlimited whatever the burst, even none. */
    private static double capacity(double rate, double burstSeconds) {
        return Double.isInfinite(rate) ? Double.POSITIVE_INFINITY : rate * burstSeconds;
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + rate * elapsed / 1e9);
            refilledAt = now;
        }
    }
}
