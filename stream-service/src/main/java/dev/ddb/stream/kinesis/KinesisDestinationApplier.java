package dev.ddb.stream.kinesis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.ddb.common.event.TableEvent;
import dev.ddb.common.table.KinesisDataStreamDestination;
import dev.ddb.common.table.TableDescription;
import dev.ddb.stream.StreamServiceProperties;

/**
 * Keeps the destination registry in step with {@code ddb.table-events}: a destination ACTIVE in
 * the table's description is published to from the event's time on, with its precision (a new
 * precision starts a new period); one no longer ACTIVE (or of a deleted table) stops at the
 * event's time. Applying an event twice changes nothing.
 */
@Component
public class KinesisDestinationApplier {

    private static final Logger LOG = LoggerFactory.getLogger(KinesisDestinationApplier.class);

    private final KinesisDestinationRegistry registry;
    private final KinesisTopics topics;
    private final long retentionMillis;

    @Autowired
    public KinesisDestinationApplier(KinesisDestinationRegistry registry, KinesisTopics topics,
                                     StreamServiceProperties properties) {
        this(registry, topics, properties.retention().toMillis());
    }

    KinesisDestinationApplier(KinesisDestinationRegistry registry, KinesisTopics topics, long retentionMillis) {
        this.registry = registry;
        this.topics = topics;
        this.retentionMillis = retentionMillis;
    }

    public void apply(TableEvent event) {
        long time = event.timeMillis();
        Map<String, KinesisDestination> known = new HashMap<>();
        registry.ofTable(event.tableId()).forEach(destination -> known.put(destination.streamArn(), destination));
        List<KinesisDestination> changed = new ArrayList<>();
        // Another table of that name (deleted, maybe with its DELETED event compacted away) publishes no more.
        for (KinesisDestination other : registry.ofTableName(event.region(), event.tableName())) {
            if (!other.tableId().equals(event.tableId()) && other.open().isPresent()) {
                changed.add(other.closedAt(time));
            }
        }
        TableDescription table = event.eventType() == TableEvent.Type.DELETED ? null : event.table();
        Map<String, String> active = new HashMap<>();
        if (table != null) {
            table.kinesisDataStreamDestinations().stream().filter(KinesisDataStreamDestination::active)
                    .forEach(destination -> active.put(destination.streamArn(), destination.effectivePrecision()));
        }
        for (KinesisDestination destination : known.values()) {
            if (!active.containsKey(destination.streamArn()) && destination.open().isPresent()) {
                changed.add(destination.closedAt(time).withoutPeriodsEndedBefore(time - retentionMillis));
                LOG.info("Kinesis streaming destination {} of table {} disabled", destination.streamArn(), event.tableName());
            }
        }
        active.forEach((streamArn, precision) -> {
            KinesisDestination destination = known.get(streamArn);
            Optional<KinesisDestination.Period> open = destination == null ? Optional.empty() : destination.open();
            if (open.isPresent() && open.get().precision().equals(precision)) {
                return;
            }
            if (destination == null) {
                destination = new KinesisDestination(streamArn, event.tableId(), event.tableName(), event.region(),
                        table.keySchema().hashKey(), List.of());
            }
            topics.prepareTopic(destination.topic());
            changed.add(destination.openedAt(time, precision).withoutPeriodsEndedBefore(time - retentionMillis));
            LOG.info("Kinesis streaming destination {} of table {}: records with {} precision on topic {}", streamArn,
                    event.tableName(), precision, destination.topic());
        });
        registry.saveAll(changed);
    }
}
