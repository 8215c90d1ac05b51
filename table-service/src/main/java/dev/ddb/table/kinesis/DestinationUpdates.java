package dev.ddb.table.kinesis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.ddb.common.event.ChangeTimes;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.KinesisDataStreamDestination;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.TableServiceProperties;
import dev.ddb.table.events.TableEventPublisher;
import dev.ddb.table.metadata.TableMetadataStore;

/**
 * Changes a table's destination list: stored with the description, then announced as UPDATED on
 * {@code ddb.table-events}, waiting (as for a stream change) until Kafka has it, so that
 * stream-service routes the next write by the new setting. item-service is not told: it has no
 * use for destinations (its catalog follows the event anyway).
 */
@Component
public class DestinationUpdates {

    private final TableMetadataStore store;
    private final TableEventPublisher events;
    private final Duration eventWait;
    private final Clock clock;

    @Autowired
    public DestinationUpdates(TableMetadataStore store, TableEventPublisher events, TableServiceProperties properties) {
        this(store, events, properties.streamEventWait(), Clock.systemUTC());
    }

    DestinationUpdates(TableMetadataStore store, TableEventPublisher events, Duration eventWait, Clock clock) {
        this.store = store;
        this.events = events;
        this.eventWait = eventWait;
        this.clock = clock;
    }

    /** @param change the table's new list, or DynamoDB's error */
    TableDescription apply(RequestContext context, String tableName,
                           Function<TableDescription, List<KinesisDataStreamDestination>> change) {
        long boundary = ChangeTimes.boundary(clock); // see there: no earlier write shares it
        TableDescription updated = store.compute(context.tableKey(tableName), current ->
                KinesisTables.require(tableName, current).withKinesisDataStreamDestinations(change.apply(current)));
        events.publishAndWait(new TableEvent(TableEvent.Type.UPDATED, updated.tableName(), updated.tableId(),
                boundary, updated), eventWait);
        return updated;
    }
}
