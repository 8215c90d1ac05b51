package dev.ddb.table.events;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.ddb.common.event.TableEvent;
import dev.ddb.common.table.TableStatus;
import dev.ddb.table.metadata.TableMetadataStore;

/**
 * Publishes a CREATED event for every ACTIVE table at startup. Sends fail while Kafka is down and
 * are not retried, so this is what makes the compacted topic (and every consumer) converge to
 * the stored catalog; consumers treat a repeated CREATED of a known TableId as a no-op.
 */
@Component
public class TableEventsRepublisher {

    private final TableMetadataStore store;
    private final TableEventPublisher events;

    public TableEventsRepublisher(TableMetadataStore store, TableEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void republishTables() {
        long now = System.currentTimeMillis();
        store.all().stream()
                .filter(table -> table.tableStatus() == TableStatus.ACTIVE)
                .forEach(table -> events.publish(new TableEvent(TableEvent.Type.CREATED, table.tableName(),
                        table.tableId(), now, table)));
    }
}
