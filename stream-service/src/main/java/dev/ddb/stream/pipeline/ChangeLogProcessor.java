package dev.ddb.stream.pipeline;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.ddb.stream.StreamServiceProperties;
import dev.ddb.stream.kafka.KafkaClients;
import dev.ddb.stream.kafka.StreamTopics;
import dev.ddb.stream.kinesis.KinesisDestination;
import dev.ddb.stream.kinesis.KinesisDestinationRegistry;
import dev.ddb.stream.kinesis.KinesisTopics;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.registry.TableEventApplier;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs the change-log processing on a thread of its own: session after session, each starting
 * from the last committed transaction, with a pause after a failure (Kafka down, fenced, ...).
 * Also forgets disabled streams whose records are past retention. Partitions held at an undecodable
 * record stay known across sessions (see {@link BlockedPartitions}).
 */
@Component
public class ChangeLogProcessor implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeLogProcessor.class);
    private static final long RETRY_MILLIS = 1000;
    private static final long PURGE_INTERVAL_MILLIS = 60_000;

    private final KafkaClients clients;
    private final StreamTopics topics;
    private final StreamRegistry registry;
    private final TableEventApplier applier;
    private final StreamServiceProperties properties;
    private final BlockedPartitions blocked;
    private final PipelineMeters meters;
    private final KinesisDestinationRegistry kinesis;
    private final KinesisTopics kinesisTopics;
    private volatile boolean running;
    private volatile ProcessingSession session;
    private Thread thread;
    private long nextPurge;

    public ChangeLogProcessor(KafkaClients clients, StreamTopics topics, StreamRegistry registry,
                              TableEventApplier applier, StreamServiceProperties properties, MeterRegistry meters,
                              KinesisDestinationRegistry kinesis, KinesisTopics kinesisTopics) {
        this.kinesis = kinesis;
        this.kinesisTopics = kinesisTopics;
        this.clients = clients;
        this.topics = topics;
        this.registry = registry;
        this.applier = applier;
        this.properties = properties;
        this.blocked = new BlockedPartitions(meters, Clock.systemUTC());
        this.meters = new PipelineMeters(meters);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "stream-change-log");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        boolean reportedFailure = false;
        while (running) {
            try (ProcessingSession current = openSession()) {
                session = current;
                if (reportedFailure) {
                    LOG.info("Processing the change log again");
                    reportedFailure = false;
                }
                while (running) {
                    if (!current.processOnce()) {
                        purgeExpiredStreams();
                    }
                }
            } catch (WakeupException e) {
                // stop() woke the session up
            } catch (ProcessingSession.ChangeLogMissingException e) {
                if (!reportedFailure) {
                    LOG.info("Waiting for the change log: {}", e.getMessage());
                    reportedFailure = true;
                }
            } catch (Exception e) {
                if (running && !reportedFailure) {
                    LOG.warn("Change-log processing stopped ({}); restarting from the last committed transaction", e.toString());
                    reportedFailure = true;
                } else if (running) {
                    LOG.debug("Change-log processing failed again: {}", e.toString());
                }
            } finally {
                session = null;
            }
            pause();
        }
    }

    /**
     * A new session, after making sure the topics of the active Kinesis destinations exist (a
     * producer would wait for a missing one in every transaction, e.g. after the topic was deleted).
     */
    private ProcessingSession openSession() {
        for (KinesisDestination destination : kinesis.all()) {
            if (destination.open().isPresent()) {
                kinesisTopics.prepareTopic(destination.topic());
            }
        }
        return ProcessingSession.open(clients, topics, registry, applier, blocked, meters, kinesis);
    }

    private void purgeExpiredStreams() {
        long now = System.currentTimeMillis();
        if (now < nextPurge) {
            return;
        }
        nextPurge = now + PURGE_INTERVAL_MILLIS;
        for (Stream stream : registry.purgeDisabledBefore(now - properties.retention().toMillis())) {
            LOG.info("Stream {} expired", stream.streamArn());
        }
    }

    private void pause() {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** An open transaction is aborted: it is processed again, from the committed offsets, after the next start. */
    @Override
    public void stop() {
        running = false;
        ProcessingSession current = session;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
