package dev.ddb.table.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.ddb.common.event.TableEvent;
import dev.ddb.common.event.Topics;

/**
 * Sends table events to Kafka from one background thread: a send can block for up to the
 * producer's {@code max.block.ms} while the broker is unreachable, and the API must not wait for
 * that. One thread also keeps the events of a table in order. A failed send is logged and lost;
 * the republish at startup makes the compacted topic converge again.
 */
@Component
public class KafkaTableEventPublisher implements TableEventPublisher, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTableEventPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final NewTopic topic;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "table-events-publisher");
        thread.setDaemon(true);
        return thread;
    });
    /** Only touched by the sender thread. */
    private boolean topicCreated;
    private volatile boolean running;

    public KafkaTableEventPublisher(KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin, NewTopic tableEventsNewTopic) {
        this.kafka = kafka;
        this.admin = admin;
        this.topic = tableEventsNewTopic;
    }

    @Override
    public CompletableFuture<Void> publish(TableEvent event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            sender.execute(() -> send(event, acknowledged));
        } catch (RejectedExecutionException e) {
            LOG.warn("Not publishing {} of table {}: shutting down", event.eventType(), event.tableName());
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    private void send(TableEvent event, CompletableFuture<Void> acknowledged) {
        createTopicOnce();
        try {
            kafka.send(Topics.TABLE_EVENTS, event.tableKey(), event.toJson()).whenComplete((result, error) -> {
                if (error != null) {
                    LOG.warn("Could not publish {} of table {} to {}: {}", event.eventType(), event.tableName(),
                            Topics.TABLE_EVENTS, error.toString());
                    acknowledged.completeExceptionally(error);
                } else {
                    acknowledged.complete(null);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not publish {} of table {} to {}: {}", event.eventType(), event.tableName(),
                    Topics.TABLE_EVENTS, e.toString());
            acknowledged.completeExceptionally(e);
        }
    }

    /**
     * KafkaAdmin creates the topic at startup only, and a broker that was down then would
     * auto-create it on the first send without compaction; so create it here first.
     */
    private void createTopicOnce() {
        if (topicCreated) {
            return;
        }
        try {
            admin.createOrModifyTopics(topic);
            topicCreated = true;
        } catch (RuntimeException e) {
            LOG.warn("Could not create topic {}: {}", topic.name(), e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Gives queued events a moment to go out, then drops them: the next start republishes every table. */
    @Override
    public void stop() {
        running = false;
        sender.shutdown();
        try {
            if (!sender.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warn("Table events still unsent at shutdown; they are republished at the next start");
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops after the web server (no more requests, so no more events) and just before the Kafka
     * producer factory, which closes the producer in phase {@link Integer#MIN_VALUE}.
     */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1;
    }
}
