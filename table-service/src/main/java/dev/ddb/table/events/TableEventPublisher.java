package dev.ddb.table.events;

import dev.ddb.common.event.TableEvent;

/** Announces table changes on {@code ddb.table-events}. Never blocks or fails the caller. */
public interface TableEventPublisher {

    void publish(TableEvent event);
}
