package dev.ddb.backup.pitr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.ddb.backup.BackupServiceProperties;
import dev.ddb.backup.clients.ItemServiceClient;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.event.Topics;

/**
 * The background side of point-in-time recovery: consumes {@code ddb.item-changes} into the
 * archives (its own position kept in the PITR catalog, committed after the segments are fsynced),
 * follows {@code ddb.table-events} (descriptions and deletions of archived tables), asks
 * item-service for its change log position every 100 ms (what LatestRestorableDateTime rests on),
 * and housekeeps: a base snapshot for an archive without one (PITR enabled just before a crash),
 * a new base when the newest is older than {@code pitr-base-interval}, trimming.
 */
@Component
public class PitrArchiver implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PitrArchiver.class);
    private static final long PROBE_MILLIS = 100;
    /**
     * Under load a fetch waits (at most its 100 ms) for this much of the change log instead of
     * returning with each relay send: fewer Kafka requests and wake-ups per change.
     */
    private static final int CHANGE_LOG_FETCH_MIN_BYTES = 256 * 1024;
    /** Table events are rare: an idle fetch asks again twice a second, not ten times. */
    private static final int TABLE_EVENTS_FETCH_MAX_WAIT_MS = 500;

    private final PitrArchives archives;
    private final BaseSnapshots baseSnapshots;
    private final ItemServiceClient items;
    private final KafkaProperties kafka;
    private final BackupServiceProperties properties;
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();
    private final List<KafkaConsumer<byte[], byte[]>> consumers = new ArrayList<>();
    private ScheduledExecutorService scheduler;

    public PitrArchiver(PitrArchives archives, BaseSnapshots baseSnapshots, ItemServiceClient items,
                        KafkaProperties kafka, BackupServiceProperties properties) {
        this.archives = archives;
        this.baseSnapshots = baseSnapshots;
        this.items = items;
        this.kafka = kafka;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        threads.add(thread("pitr-archiver", this::archiveChanges));
        threads.add(thread("pitr-table-events", this::followTableEvents));
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pitr-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::probe, PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        long housekeeping = properties.pitrHousekeeping().toMillis();
        scheduler.scheduleWithFixedDelay(this::housekeep, 1000, housekeeping, TimeUnit.MILLISECONDS);
    }

    private Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private KafkaConsumer<byte[], byte[]> consumer(String clientId, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        // A batch larger than these still comes whole (Kafka returns a fetch's first batch whatever its
        // size), so changes of large items pass; the bounds keep each response small, where 16 MB per
        // partition made responses of tens of MB while catching up, which filled the old generation.
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putAll(overrides);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        synchronized (consumers) {
            consumers.add(consumer);
        }
        return consumer;
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) throws InterruptedException {
        while (running) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> partitions = new ArrayList<>();
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                return partitions;
            }
            Thread.sleep(500);
        }
        return List.of();
    }

    private void archiveChanges() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> consumer = consumer("backup-service-pitr",
                    Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, CHANGE_LOG_FETCH_MIN_BYTES))) {
                if (!archives.positioned()) {
                    // a first start: no table has PITR on, so what item-service holds so far counts as seen
                    archives.position(items.position().sequence());
                }
                List<TopicPartition> partitions = partitions(consumer, Topics.ITEM_CHANGES);
                consumer.assign(partitions);
                for (TopicPartition partition : partitions) {
                    Long offset = archives.offset(partition.partition());
                    if (offset == null) {
                        consumer.seekToBeginning(List.of(partition));
                    } else {
                        consumer.seek(partition, offset);
                    }
                }
                while (running) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                    if (records.isEmpty()) {
                        continue;
                    }
                    synchronized (archives) {
                        for (ConsumerRecord<byte[], byte[]> record : records) {
                            archives.consume(record.partition(), record.offset(), record.value());
                        }
                        archives.commitBatch();
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.warn("Archiving the change log failed ({}); starting again", e.toString());
                    pause();
                }
            }
        }
    }

    private void followTableEvents() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> consumer = consumer("backup-service-table-events",
                    Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, TABLE_EVENTS_FETCH_MAX_WAIT_MS))) {
                List<TopicPartition> partitions = partitions(consumer, Topics.TABLE_EVENTS);
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value() == null) {
                            continue;
                        }
                        try {
                            archives.tableEvent(TableEvent.fromJson(record.value()));
                        } catch (RuntimeException e) {
                            LOG.warn("Skipping an unreadable table event: {}", e.toString());
                        }
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.warn("Following table events failed ({}); starting again", e.toString());
                    pause();
                }
            }
        }
    }

    private void probe() {
        if (archives.archives().isEmpty()) {
            return;
        }
        try {
            ItemServiceClient.Position position = items.position();
            archives.probed(position.timeMillis(), position.sequence());
        } catch (RuntimeException e) {
            LOG.debug("item-service's change log position unavailable: {}", e.toString());
        }
    }

    private void housekeep() {
        try {
            long now = System.currentTimeMillis();
            long interval = properties.pitrBaseInterval().toMillis();
            for (TableArchive archive : archives.archives()) {
                if (archive.deleted()) {
                    continue;
                }
                boolean none = archive.bases().isEmpty();
                if (none || archive.bases().get(archive.bases().size() - 1).timeMillis() + interval < now) {
                    if (!baseSnapshots.take(archive) && none) {
                        LOG.warn("No base snapshot of table {} ({}) could be taken", archive.tableKey(), archive.tableId());
                    }
                }
            }
            archives.trim(now);
        } catch (RuntimeException e) {
            LOG.warn("PITR housekeeping failed: {}", e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        synchronized (consumers) {
            consumers.forEach(consumer -> {
                try {
                    consumer.wakeup();
                } catch (RuntimeException e) {
                    // closed already
                }
            });
        }
        for (Thread thread : threads) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        synchronized (consumers) {
            consumers.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
