package dev.ddb.item.ttl;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Time to Live sweeper.
 *
 * @param interval     the pause between two passes over the tables with TTL enabled: an expired item
 *                     is deleted within about this long (plus the time a pass takes)
 * @param itemsPerPass how many items one pass looks at, over all tables; a pass that stops short
 *                     resumes there the next time, so foreground requests keep their latency
 */
@ConfigurationProperties("ddb.item.ttl")
public record TimeToLiveProperties(
        @DefaultValue("1s") Duration interval,
        @DefaultValue("5000") int itemsPerPass) {
}
