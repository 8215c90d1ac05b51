package dev.ddb.backup.metrics;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import dev.ddb.backup.storage.BackupCatalog;

/** Readiness ("store" in /actuator/health/readiness): backup-service: its backup catalog is open. */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final BackupCatalog store;

    StoreHealthIndicator(BackupCatalog store) {
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
