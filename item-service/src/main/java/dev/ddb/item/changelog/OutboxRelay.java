package dev.ddb.item.changelog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import dev.ddb.common.event.Topics;
import dev.ddb.item.storage.ItemStore;


/**
 * Sends durable outbox entries to {@code ddb.item-changes} in sequence order and removes them once
 * Kafka acknowledged them. While Kafka is unreachable, writes go on and the outbox grows; it
 * drains when Kafka is back. Delivery is at least once; consumers drop repeats by sequence.
 * Idle, it sleeps until the store says a commit is on disk, rather than polling; busy, it lets
 * changes gather for a few milliseconds between sends.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    /**
     * Changes per send. With 500, BatchWriteItem's ~45,000 changes a second outran the relay: the
     * outbox fell more than a checkpoint behind, so the relay read its pages back from the file
     * (~9,000 reads a second, each decrypted and decoded). With 2000 it keeps up and reads none.
     */
    private static final int BATCH = 2000;
    /** Only a safety net: a durable commit wakes the relay at once. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long RETRY_MILLIS = 1000;
    /**
     * After a batch smaller than {@link #BATCH}, the relay waits this long for more commits before
     * reading the outbox again: under load one send carries many changes instead of one per group
     * commit (each send is a Kafka request, and downstream a stream transaction), at the price of a
     * few milliseconds more until a change reaches its stream.
     */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final ItemStore store;
    private final KafkaTemplate<String, byte[]> kafka;
    private volatile boolean running;
    /** Set while the relay sleeps for lack of changes: only then does a commit wake it. */
    private volatile boolean idle;
    private Thread thread;

    public OutboxRelay(ItemStore store, KafkaTemplate<String, byte[]> kafka) {
        this.store = store;
        this.kafka = kafka;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::relay, "item-changes-relay");
        thread.setDaemon(true);
        Thread relayThread = thread;
        // Only an idle relay is woken: under load every group commit (thousands a second) would
        // otherwise unpark a relay that is sending or gathering anyway.
        store.onDurable(() -> {
            if (idle) {
                LockSupport.unpark(relayThread);
            }
        });
        thread.start();
    }

    private void relay() {
        boolean failing = false;
        while (running) {
            List<OutboxEntry> batch = store.durableOutbox(BATCH);
            if (batch.isEmpty()) {
                sleepUntilCommitted();
                continue;
            }
            try {
                send(batch);
                store.removeFromOutbox(batch);
                if (batch.size() < BATCH) {
                    linger();
                }
                if (failing) {
                    LOG.info("Kafka reachable again; relaying the item-change outbox ({} waiting)", store.outboxSize());
                    failing = false;
                }
            } catch (Exception e) {
                if (!failing) {
                    LOG.warn("Cannot send item changes to Kafka ({}); keeping them in the outbox and retrying", rootCause(e));
                    failing = true;
                }
                pause(RETRY_MILLIS);
            }
        }
    }

    /**
     * Sleeps until a commit is durable (or {@link #IDLE_NANOS}). The outbox is read again after
     * {@code idle} is set: a commit that landed before sees it empty no more, one that lands after
     * unparks, and unpark keeps its permit until the park.
     */
    private void sleepUntilCommitted() {
        idle = true;
        try {
            if (store.durableOutbox(1).isEmpty()) {
                LockSupport.parkNanos(IDLE_NANOS);
            }
        } finally {
            idle = false;
        }
    }

    /**
     * Waits out {@link #LINGER_NANOS}, whatever wakes the thread meanwhile (a permit left by a
     * commit that found the relay idle, or a spurious wake-up).
     */
    private void linger() {
        long deadline = System.nanoTime() + LINGER_NANOS;
        long left;
        while (running && !Thread.currentThread().isInterrupted() && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private void send(List<OutboxEntry> batch) throws Exception {
        List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>(batch.size());
        for (OutboxEntry entry : batch) {
            acks.add(kafka.send(Topics.ITEM_CHANGES, entry.kafkaKey(), entry.value()));
        }
        for (CompletableFuture<SendResult<String, byte[]>> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.toString();
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        store.onDurable(() -> { });
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
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
