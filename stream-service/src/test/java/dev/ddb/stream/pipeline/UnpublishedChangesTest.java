package dev.ddb.stream.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.event.Topics;
import dev.ddb.common.json.Json;
import dev.ddb.stream.kafka.StreamTopics;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.registry.TableEventApplier;
import dev.ddb.stream.support.Streams;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Changes of tables without a stream publish nothing: their offsets are committed with the next
 * transaction that publishes records, or on their own about once a second, not in a transaction
 * per polled batch; a restart before that reads them again and publishes nothing twice.
 */
class UnpublishedChangesTest {

    private static final String LABEL = "2025-11-25T10:00:00.000";

    @TempDir
    Path dataDir;

    private StreamRegistry registry;
    private final BlockedPartitions blocked = new BlockedPartitions(new SimpleMeterRegistry(), Clock.systemUTC());
    private final LogConsumer.Log changeLog = new LogConsumer.Log(Topics.ITEM_CHANGES, 1);
    private final LogConsumer.Log tableEvents = new LogConsumer.Log(Topics.TABLE_EVENTS, 1);
    private final List<GappedMockProducer> producers = new ArrayList<>();
    private final List<ProcessingSession> sessions = new ArrayList<>();

    @BeforeEach
    void start() {
        registry = new StreamRegistry(dataDir, MasterKey.generate()); // no stream yet: nothing is published
        changeLog.append(0, change(1, "a"));
        changeLog.append(0, change(2, "b"));
    }

    @AfterEach
    void stop() {
        sessions.forEach(ProcessingSession::close);
        registry.close();
    }

    @Test
    void offsetsOfUnpublishedChangesAreCommittedAboutOnceASecond() throws Exception {
        ProcessingSession session = open();
        session.processOnce();
        assertThat(lastCommitted()).isEqualTo(2); // the first batch after a start commits at once
        assertThat(transactions()).isEqualTo(1);

        changeLog.append(0, change(3, "c"));
        changeLog.append(0, change(4, "d"));
        long polled = System.nanoTime();
        assertThat(session.processOnce()).isTrue();
        if (System.nanoTime() - polled < ProcessingSession.OFFSETS_ONLY_COMMIT_INTERVAL_NANOS) {
            assertThat(lastCommitted()).isEqualTo(2); // no transaction for this batch
            assertThat(transactions()).isEqualTo(1);
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lastCommitted() != 4 && System.nanoTime() < deadline) {
            session.processOnce(); // idle polls commit what is due
        }
        assertThat(lastCommitted()).isEqualTo(4);
        assertThat(transactions()).isEqualTo(2);
        assertThat(published()).isEmpty();
    }

    @Test
    void aPublishingTransactionCommitsTheEarlierUnpublishedOffsetsToo() throws Exception {
        ProcessingSession session = open();
        session.processOnce();
        changeLog.append(0, change(3, "c"));
        session.processOnce();

        registry.save(Streams.stream("Music", LABEL, "NEW_IMAGE", 1));
        changeLog.append(0, change(4, "d"));
        session.processOnce();

        assertThat(published()).containsExactly("d");
        assertThat(lastCommitted()).isEqualTo(4);
    }

    @Test
    void aRestartReadsUncommittedUnpublishedChangesAgainAndPublishesNothingTwice() throws Exception {
        ProcessingSession first = open();
        first.processOnce();
        changeLog.append(0, change(3, "c"));
        first.processOnce();
        sessions.remove(0).close(); // as after a crash: offset 3 may not be committed

        registry.save(Streams.stream("Music", LABEL, "NEW_IMAGE", 1));
        changeLog.append(0, change(4, "d"));
        ProcessingSession restarted = open();
        restarted.processOnce();

        assertThat(published()).containsExactly("c", "d"); // c is re-read: the stream now covers its time
        assertThat(lastCommitted()).isEqualTo(4);
        restarted.processOnce();
        assertThat(published()).containsExactly("c", "d");
    }

    private ProcessingSession open() {
        GappedMockProducer producer = new GappedMockProducer();
        producers.add(producer);
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        producers.forEach(p -> p.consumerGroupOffsetsHistory().forEach(t -> t.values().forEach(committed::putAll)));
        ProcessingSession session = new ProcessingSession(new StreamRecordPublisher(producer, topics(), registry),
                new LogConsumer(changeLog, committed),
                new TableEventsReader(new LogConsumer(tableEvents), registry, new TableEventApplier(registry, topics()), blocked),
                registry, blocked, ItemChange::fromJson);
        sessions.add(session);
        return session;
    }

    /** The last committed offset of partition 0, or -1. */
    private long lastCommitted() {
        long[] last = {-1};
        producers.forEach(producer -> producer.consumerGroupOffsetsHistory().forEach(transaction -> transaction.values()
                .forEach(offsets -> offsets.forEach((partition, offset) -> last[0] = offset.offset()))));
        return last[0];
    }

    private int transactions() {
        return producers.stream().mapToInt(producer -> producer.consumerGroupOffsetsHistory().size()).sum();
    }

    /** The pk of every published stream record, in order. */
    private List<String> published() {
        List<String> keys = new ArrayList<>();
        for (GappedMockProducer producer : producers) {
            for (ProducerRecord<byte[], byte[]> record : producer.history()) {
                keys.add(Json.read(record.value()).get("dynamodb").get("Keys").get("pk").get("S").stringValue());
            }
        }
        return keys;
    }

    private static byte[] change(long sequence, String pk) {
        return Streams.change("INSERT", sequence, pk, null, Streams.item(pk, pk)).toJson();
    }

    private StreamTopics topics() {
        return new StreamTopics() {
            @Override
            public List<Long> prepare(String tableName) {
                return List.of(0L);
            }

            @Override
            public long endOffset(TopicPartition partition) {
                return 0;
            }
        };
    }
}
