package dev.ddb.item.metrics;

import java.util.function.LongSupplier;

import dev.ddb.common.metrics.MeterNames;
import dev.ddb.item.storage.ItemStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The item-change outbox: how many changes wait for Kafka ({@code ddb.outbox.depth}) and for how
 * long the oldest has waited ({@code ddb.outbox.age}). The entries carry no time, so the age counts
 * from when a scrape first saw that change at the head of the outbox (at most one scrape interval
 * short); 0 when the outbox is empty.
 */
public final class OutboxMeters {

    private final ItemStore store;
    private final LongSupplier nanoClock;
    private long headSequence = -1;
    private long headSeenAt;

    OutboxMeters(ItemStore store, LongSupplier nanoClock) {
        this.store = store;
        this.nanoClock = nanoClock;
    }

    public static void bind(MeterRegistry registry, ItemStore store) {
        OutboxMeters meters = new OutboxMeters(store, System::nanoTime);
        Gauge.builder(MeterNames.OUTBOX_DEPTH, store, ItemStore::outboxSize)
                .description("Item changes waiting in the outbox to be sent to Kafka").register(registry);
        Gauge.builder(MeterNames.OUTBOX_AGE, meters, OutboxMeters::ageSeconds).baseUnit("seconds")
                .description("How long the oldest change in the outbox has waited").register(registry);
    }

    synchronized double ageSeconds() {
        long head = store.oldestOutboxSequence();
        if (head < 0) {
            headSequence = -1;
            return 0;
        }
        long now = nanoClock.getAsLong();
        if (head != headSequence) {
            headSequence = head;
            headSeenAt = now;
        }
        return (now - headSeenAt) / 1e9;
    }
}
