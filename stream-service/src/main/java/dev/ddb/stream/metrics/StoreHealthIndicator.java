package dev.ddb.stream.metrics;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import dev.ddb.stream.registry.StreamRegistry;

/** Readiness ("store" in /actuator/health/readiness): stream-service: its stream registry is open. */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final StreamRegistry store;

    StoreHealthIndicator(StreamRegistry store) {
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (store.isOpen()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
