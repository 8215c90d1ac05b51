package dev.ddb.stream.rule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A rule's meters, named after EventBridge's CloudWatch metrics (namespace AWS/Events, dimension
 * RuleName as the tag {@code rule}): {@code events.matched.events} (MatchedEvents),
 * {@code events.invocations} (Invocations: a target sent an event, successfully or, after its retries,
 * not), {@code events.failed.invocations} (FailedInvocations: given up), {@code events.retry.invocation.attempts}
 * (RetryInvocationAttempts). Prometheus shows them as {@code events_matched_events_total} and so on.
 */
final class RuleMeters {

    static final RuleMeters NONE = new RuleMeters(null, null, null, null);

    private final Counter matched;
    private final Counter invocations;
    private final Counter failed;
    private final Counter retries;

    private RuleMeters(Counter matched, Counter invocations, Counter failed, Counter retries) {
        this.matched = matched;
        this.invocations = invocations;
        this.failed = failed;
        this.retries = retries;
    }

    static RuleMeters of(MeterRegistry registry, String rule) {
        if (registry == null) {
            return NONE;
        }
        return new RuleMeters(counter(registry, "events.matched.events", rule, "Events that matched the rule"),
                counter(registry, "events.invocations", rule, "Events sent to a target (delivered or given up)"),
                counter(registry, "events.failed.invocations", rule, "Events a target never took, its retries used up"),
                counter(registry, "events.retry.invocation.attempts", rule, "Retried sends to a target"));
    }

    private static Counter counter(MeterRegistry registry, String name, String rule, String description) {
        return Counter.builder(name).tag("rule", rule).description(description).register(registry);
    }

    void matched() {
        increment(matched);
    }

    void invoked(boolean delivered) {
        increment(invocations);
        if (!delivered) {
            increment(failed);
        }
    }

    void retried() {
        increment(retries);
    }

    private static void increment(Counter counter) {
        if (counter != null) {
            counter.increment();
        }
    }
}
