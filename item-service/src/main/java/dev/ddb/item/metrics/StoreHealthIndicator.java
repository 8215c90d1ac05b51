package dev.ddb.item.metrics;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import dev.ddb.item.storage.ItemStore;

/**
 * Readiness ("store" in /actuator/health/readiness): item-service can serve while its store is open.
 * Kafka is not needed for that: writes wait in the outbox, whose depth is shown.
 */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final ItemStore store;

    StoreHealthIndicator(ItemStore store) {
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (store.isOpen()) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("outbox", store.outboxSize());
    }
}
