package dev.ddb.table.metrics;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import dev.ddb.table.metadata.TableMetadataStore;

/** Readiness ("store" in /actuator/health/readiness): table-service: its table metadata store is open. */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final TableMetadataStore store;

    StoreHealthIndicator(TableMetadataStore store) {
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
