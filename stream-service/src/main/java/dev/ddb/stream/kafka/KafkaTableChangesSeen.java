package dev.ddb.stream.kafka;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ddb.common.event.Topics;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.registry.TableChangesSeen;

/**
 * Asks the broker for the end of {@code ddb.table-events} and waits for the change-log processor,
 * which catches up with table events at least every poll (200 ms), to have applied up to there.
 * Bounded: with Kafka down or the processor held at an undecodable event the answer is the
 * registry as it is, which is what the API gave before.
 */
@Component
class KafkaTableChangesSeen implements TableChangesSeen, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTableChangesSeen.class);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.TABLE_EVENTS, 0);
    private static final Duration END_OFFSET_TIMEOUT = Duration.ofSeconds(2);
    private static final long APPLY_TIMEOUT_MILLIS = 3000;

    private final KafkaClients clients;
    private final StreamRegistry registry;
    private Consumer<byte[], byte[]> consumer;
    private boolean topicExists;

    KafkaTableChangesSeen(KafkaClients clients, StreamRegistry registry) {
        this.clients = clients;
        this.registry = registry;
    }

    @Override
    public void await() {
        Long end = endOffset();
        if (end == null || registry.tableEventsPosition() >= end) {
            return;
        }
        try {
            if (!registry.awaitTableEvents(end, APPLY_TIMEOUT_MILLIS)) {
                LOG.debug("Table events up to offset {} not applied within {} ms", end, APPLY_TIMEOUT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The consumer is not thread-safe: one question at a time. @return null when Kafka does not answer */
    private synchronized Long endOffset() {
        try {
            if (consumer == null) {
                consumer = clients.reader("stream-service-table-events-end");
            }
            // Offsets of a topic that does not exist yet would be waited for until the timeout.
            if (!topicExists && consumer.partitionsFor(Topics.TABLE_EVENTS, END_OFFSET_TIMEOUT).isEmpty()) {
                return null;
            }
            topicExists = true;
            return consumer.endOffsets(List.of(PARTITION), END_OFFSET_TIMEOUT).get(PARTITION);
        } catch (RuntimeException e) {
            LOG.debug("End of {} unknown: {}", Topics.TABLE_EVENTS, e.toString());
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(1));
        }
    }
}
