package dev.ddb.stream.rule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ddb.common.json.Json;
import dev.ddb.stream.pattern.EventPattern;
import dev.ddb.stream.record.StreamRecords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one enabled rule on its own thread: reads the stream topics of every table of the rule's region that
 * has (or had) a stream, with the rule's own consumer group (partitions assigned, the set refreshed as
 * streams appear), matches each record's event against the pattern and sends a match to every target,
 * retrying each as its RetryPolicy allows, then commits: delivery is at least once (a crash between a send
 * and its commit sends again; the event's id stays the same). A partition the rule has not read yet, or
 * read before it was last enabled, starts at the first record published after the rule was enabled.
 */
final class RuleRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleRunner.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long REFRESH_MILLIS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    /** A target ready to send to. */
    record Delivery(RuleTarget target, TargetSender sender) {
    }

    private final Rule rule;
    private final EventPattern pattern;
    private final List<Delivery> deliveries;
    private final Consumer<byte[], byte[]> consumer;
    private final Supplier<Set<TopicPartition>> partitions;
    private final String accountId;
    private final Duration backoff;
    private final RuleMeters meters;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param partitions every partition of the stream topics of the rule's region, as the registry now says */
    RuleRunner(Rule rule, List<Delivery> deliveries, Consumer<byte[], byte[]> consumer,
               Supplier<Set<TopicPartition>> partitions, String accountId, Duration backoff, RuleMeters meters) {
        this.rule = rule;
        this.pattern = EventPattern.parse(rule.eventPattern());
        this.deliveries = List.copyOf(deliveries);
        this.consumer = consumer;
        this.partitions = partitions;
        this.accountId = accountId;
        this.backoff = backoff;
        this.meters = meters;
        this.thread = new Thread(this::run, "event-rule-" + rule.region() + "-" + rule.name());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        Set<TopicPartition> assigned = new HashSet<>();
        long refreshedAt = 0;
        try {
            while (running) {
                try {
                    if (System.currentTimeMillis() - refreshedAt >= REFRESH_MILLIS) {
                        assigned = reassign(assigned);
                        refreshedAt = System.currentTimeMillis();
                    }
                    if (assigned.isEmpty()) {
                        Thread.sleep(POLL.toMillis());
                        continue;
                    }
                    process(consumer.poll(POLL));
                } catch (WakeupException | InterruptException e) {
                    return;
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    LOG.warn("Event rule {}: {}; going on from its last committed positions", rule.name(), e.toString());
                    Thread.sleep(1000);
                    assigned = new HashSet<>(); // positions every partition again
                    consumer.assign(List.of());
                }
            }
        } catch (InterruptedException | WakeupException | InterruptException e) {
            // stopping
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                // closing anyway
            }
        }
    }

    /** Assigns the current partitions; those new to this runner start where {@link #start(Set)} says. */
    private Set<TopicPartition> reassign(Set<TopicPartition> assigned) {
        Set<TopicPartition> now = partitions.get();
        if (now.equals(assigned)) {
            return assigned;
        }
        Set<TopicPartition> fresh = new HashSet<>(now);
        fresh.removeAll(assigned);
        consumer.assign(now);
        start(fresh);
        return now;
    }

    /** The later of the committed offset and the first record published since the rule was enabled. */
    private void start(Set<TopicPartition> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(fresh);
        Map<TopicPartition, Long> since = new HashMap<>();
        fresh.forEach(partition -> since.put(partition, rule.enabledMillis()));
        Map<TopicPartition, OffsetAndTimestamp> byTime = consumer.offsetsForTimes(since);
        Map<TopicPartition, Long> ends = consumer.endOffsets(fresh);
        for (TopicPartition partition : fresh) {
            OffsetAndTimestamp first = byTime.get(partition);
            long enabledAt = first != null ? first.offset() : ends.get(partition);
            OffsetAndMetadata done = committed.get(partition);
            consumer.seek(partition, done == null ? enabledAt : Math.max(done.offset(), enabledAt));
        }
    }

    private void process(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (!running) {
                return; // not committed: read again by the next runner
            }
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            ObjectNode event = event(record);
            if (event != null && !deliveries.isEmpty() && pattern.matches(event)) {
                meters.matched();
                deliver(record.key(), event);
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                consumer.commitSync(done);
                done.clear();
            } else {
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    private ObjectNode event(ConsumerRecord<byte[], byte[]> record) {
        Header arn = record.headers().lastHeader(StreamRecords.STREAM_ARN_HEADER);
        if (arn == null || record.value() == null) {
            return null;
        }
        try {
            JsonNode streamRecord = Json.read(record.value());
            if (!streamRecord.isObject() || !rule.region().equals(streamRecord.path("awsRegion").stringValue(null))) {
                return null;
            }
            return ChangeEvents.of((ObjectNode) streamRecord, new String(arn.value(), StandardCharsets.UTF_8), accountId);
        } catch (RuntimeException e) {
            LOG.warn("Event rule {}: record {}-{}@{} is not a stream record: {}", rule.name(), record.topic(),
                    record.partition(), record.offset(), e.toString());
            return null;
        }
    }

    /** To every target, each retried with a growing pause until it takes the event or its RetryPolicy gives up. */
    private void deliver(byte[] key, ObjectNode event) throws InterruptedException {
        long firstTry = System.currentTimeMillis();
        for (Delivery delivery : deliveries) {
            RuleTarget target = delivery.target();
            byte[] input = TargetInput.of(target, event);
            long pause = backoff.toMillis();
            for (int attempt = 0; ; attempt++) {
                try {
                    delivery.sender().send(key, input);
                    meters.invoked(true);
                    break;
                } catch (TargetSender.DeliveryException e) {
                    long ageSeconds = (System.currentTimeMillis() - firstTry) / 1000;
                    if (attempt >= target.maximumRetryAttempts() || ageSeconds >= target.maximumEventAgeInSeconds()) {
                        LOG.warn("Event rule {}: event {} dropped for target {} after {} attempts: {}", rule.name(),
                                event.path("id").stringValue(), target.id(), attempt + 1, e.getMessage());
                        meters.invoked(false);
                        break;
                    }
                    if (!running) {
                        throw new InterruptedException("stopping");
                    }
                    Thread.sleep(pause);
                    pause = Math.min(pause * 2, MAX_BACKOFF_MILLIS);
                    meters.retried();
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
