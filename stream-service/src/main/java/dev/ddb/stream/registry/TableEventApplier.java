package dev.ddb.stream.registry;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.ddb.common.event.TableEvent;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.stream.kafka.StreamTopics;
import dev.ddb.stream.kinesis.KinesisDestinationApplier;

/**
 * Keeps the registry in step with {@code ddb.table-events}: a table's LatestStreamArn with an
 * enabled StreamSpecification is its current stream; any other stream of that table name still
 * enabled was disabled at the event's time (also when events in between were compacted away).
 * Applying an event twice changes nothing, so the topic may be read at least once.
 */
@Component
public class TableEventApplier {

    private static final Logger LOG = LoggerFactory.getLogger(TableEventApplier.class);

    private final StreamRegistry registry;
    private final StreamTopics topics;
    private final KinesisDestinationApplier kinesis;

    /** Streams only (tests of streams). */
    public TableEventApplier(StreamRegistry registry, StreamTopics topics) {
        this(registry, topics, null);
    }

    @Autowired
    public TableEventApplier(StreamRegistry registry, StreamTopics topics, KinesisDestinationApplier kinesis) {
        this.registry = registry;
        this.topics = topics;
        this.kinesis = kinesis;
    }

    public void apply(TableEvent event) {
        applyToStreams(event);
        if (kinesis != null) {
            kinesis.apply(event); // the table's Kinesis streaming destinations
        }
    }

    private void applyToStreams(TableEvent event) {
        String current = event.eventType() == TableEvent.Type.DELETED ? null : enabledStreamArn(event.table());
        for (Stream stream : registry.ofTable(event.region(), event.tableName())) {
            if (stream.enabled() && !stream.streamArn().equals(current)) {
                registry.save(stream.disabledAt(Math.max(event.timeMillis(), stream.creationMillis())));
                LOG.info("Stream {} disabled", stream.streamArn());
            }
        }
        if (current != null && registry.find(current).isEmpty()) {
            register(event, current);
        }
    }

    private void register(TableEvent event, String arnText) {
        StreamArn arn = StreamArn.parse(arnText).orElse(null);
        if (arn == null) {
            LOG.warn("Ignoring stream of table {}: {} is not a stream ARN", event.tableName(), arnText);
            return;
        }
        TableDescription table = event.table();
        List<Long> startOffsets = topics.prepare(event.tableKey());
        registry.save(Stream.create(arn, event.tableId(), table.streamSpecification().streamViewType().name(),
                TableDescriptionJson.keySchema(table.keySchema()), startOffsets));
        LOG.info("Stream {} enabled ({} shards)", arnText, startOffsets.size());
    }

    private static String enabledStreamArn(TableDescription table) {
        return table.streamEnabled() ? table.latestStreamArn() : null;
    }
}
