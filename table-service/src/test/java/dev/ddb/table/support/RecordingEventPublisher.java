package dev.ddb.table.support;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.ddb.common.event.TableEvent;
import dev.ddb.table.events.TableEventPublisher;

/** Keeps published table events in memory instead of sending them to Kafka. */
public class RecordingEventPublisher implements TableEventPublisher {

    public final List<TableEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> publish(TableEvent event) {
        events.add(event);
        return CompletableFuture.completedFuture(null);
    }
}
