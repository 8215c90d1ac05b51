package dev.ddb.stream.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.event.Topics;
import dev.ddb.common.json.Json;
import dev.ddb.stream.kafka.StreamTopics;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.registry.TableEventApplier;
import dev.ddb.stream.support.Streams;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * A record of {@code ddb.item-changes} or {@code ddb.table-events} that cannot be decoded is never
 * skipped: its partition waits at it (others go on), and goes on once it can be read.
 */
@ExtendWith(OutputCaptureExtension.class)
class UndecodableChangeTest {

    private static final MasterKey KEY = MasterKey.generate();

    /** Created before the changes' time (2025-11-25T10:37:34.123Z). */
    private static final String LABEL = "2025-11-25T10:00:00.000";
    /** The ERROR that reports the undecodable change. */
    private static final String REPORT = "Cannot decode the record at ddb.item-changes-0@1";

    @TempDir
    Path dataDir;

    private StreamRegistry registry;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ManualClock clock = new ManualClock();
    private final BlockedPartitions blocked = new BlockedPartitions(meters, clock);
    private final LogConsumer.Log changeLog = new LogConsumer.Log(Topics.ITEM_CHANGES, 2);
    private final LogConsumer.Log tableEvents = new LogConsumer.Log(Topics.TABLE_EVENTS, 1);
    /** One per session: closing a session closes its producer. */
    private final List<GappedMockProducer> producers = new ArrayList<>();
    /** What the running version can decode; a test "upgrades" it. */
    private Function<byte[], ItemChange> decoder = ItemChange::fromJson;
    private final List<ProcessingSession> sessions = new ArrayList<>();
    private LogConsumer changeLogConsumer;

    @BeforeEach
    void start() {
        registry = new StreamRegistry(dataDir, KEY);
        registry.save(Streams.stream("Music", LABEL, "NEW_IMAGE", 1));
        // partition 0: a good change, one that cannot be decoded, a good one; partition 1: good ones
        changeLog.append(0, change(1, "a", "1"));
        changeLog.append(0, undecodable(2, "a"));
        changeLog.append(0, change(3, "a", "3"));
        changeLog.append(1, change(10, "b", "10"));
        changeLog.append(1, change(11, "b", "11"));
    }

    @AfterEach
    void stop() {
        sessions.forEach(ProcessingSession::close);
        registry.close();
    }

    @Test
    void undecodableChangeHoldsItsPartitionWhileOtherPartitionsGoOn(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> ItemChange.fromJson(changeLog.value(0, 1))).isInstanceOf(RuntimeException.class);
        ProcessingSession session = open();

        session.processOnce();

        assertThat(published("a")).containsExactly("1");
        assertThat(published("b")).containsExactly("10", "11");
        assertThat(lastCommitted()).containsEntry(partition(0), 1L).containsEntry(partition(1), 2L);
        assertThat(blockedGauge(Topics.ITEM_CHANGES, 0)).isEqualTo(1);
        assertThat(undecodableCount(Topics.ITEM_CHANGES, 0)).isEqualTo(1);
        assertThat(output.toString()).contains(REPORT).contains("Invalid UTF-8");

        // New changes on the other partition flow; the held one stays held, and is reported once.
        changeLog.append(1, change(12, "b", "12"));
        session.processOnce();
        session.processOnce();
        clock.advance(BlockedPartitions.RETRY_INTERVAL); // retried: still undecodable
        session.processOnce();
        session.processOnce();

        assertThat(published("a")).containsExactly("1");
        assertThat(published("b")).containsExactly("10", "11", "12");
        assertThat(lastCommitted()).containsEntry(partition(0), 1L).containsEntry(partition(1), 3L);
        assertThat(undecodableCount(Topics.ITEM_CHANGES, 0)).isEqualTo(1);
        assertThat(blockedGauge(Topics.ITEM_CHANGES, 0)).isEqualTo(1);
        assertThat(occurrences(output, REPORT)).isOne();
    }

    @Test
    void heldPartitionGoesOnByItselfOnceTheChangeCanBeDecoded() throws Exception {
        ProcessingSession session = open();
        session.processOnce();
        decoder = UndecodableChangeTest::decodeLeniently; // an upgrade that can read it

        session.processOnce(); // the retry is not due yet
        assertThat(published("a")).containsExactly("1");
        assertThat(published("b")).containsExactly("10", "11");

        clock.advance(BlockedPartitions.RETRY_INTERVAL);
        session.processOnce();

        assertThat(published("a")).containsExactly("1", "\uFFFD\uFFFD", "3");
        assertThat(published("b")).containsExactly("10", "11");
        assertThat(lastCommitted()).containsEntry(partition(0), 3L);
        assertThat(blockedGauge(Topics.ITEM_CHANGES, 0)).isZero();
        assertThat(undecodableCount(Topics.ITEM_CHANGES, 0)).isEqualTo(1);
    }

    @Test
    void restartBeginsAgainAtTheUndecodableChange(CapturedOutput output) throws Exception {
        open().processOnce();
        sessions.remove(0).close();

        ProcessingSession restarted = open(); // from the committed offsets, as after a crash
        restarted.processOnce();

        assertThat(published("a")).containsExactly("1");
        assertThat(published("b")).containsExactly("10", "11");
        assertThat(lastCommitted()).containsEntry(partition(0), 1L);
        assertThat(occurrences(output, REPORT)).isOne(); // the same record, not reported again

        decoder = UndecodableChangeTest::decodeLeniently;
        clock.advance(BlockedPartitions.RETRY_INTERVAL);
        restarted.processOnce();

        assertThat(published("a")).containsExactly("1", "\uFFFD\uFFFD", "3");
        assertThat(published("b")).containsExactly("10", "11");
        assertThat(blockedGauge(Topics.ITEM_CHANGES, 0)).isZero();
    }

    @Test
    void undecodableTableEventHoldsAllChangeProcessing(CapturedOutput output) throws Exception {
        tableEvents.append(0, "{\"eventType\":\"CREATED\",\"tableName\":\"Other\"}".getBytes(StandardCharsets.UTF_8));
        ProcessingSession session = open();

        assertThat(session.processOnce()).isFalse();
        session.processOnce();

        assertThat(published("a")).isEmpty();
        assertThat(published("b")).isEmpty();
        assertThat(lastCommitted()).isEmpty();
        assertThat(registry.tableEventsPosition()).isZero(); // a restart reads it again
        assertThat(blockedGauge(Topics.TABLE_EVENTS, 0)).isEqualTo(1);
        assertThat(undecodableCount(Topics.TABLE_EVENTS, 0)).isEqualTo(1);
        assertThat(occurrences(output, "Cannot decode the record at ddb.table-events-0@0")).isOne();
    }

    @Test
    void changesPolledJustBeforeAnUndecodableTableEventArePutBack() throws Exception {
        ProcessingSession session = open();
        changeLogConsumer.schedulePollTask(() -> tableEvents.append(0, "not json".getBytes(StandardCharsets.UTF_8)));

        assertThat(session.processOnce()).isFalse();

        assertThat(published("a")).isEmpty();
        assertThat(published("b")).isEmpty();
        assertThat(changeLogConsumer.position(partition(0))).isZero();
        assertThat(changeLogConsumer.position(partition(1))).isZero();
    }

    @Test
    void tableEventsBeforeAnUndecodableOneAreAppliedAndReadingStopsAtIt() {
        tableEvents.append(0, Streams.event(TableEvent.Type.CREATED, "Books", "id-Books", 1_764_060_000_000L,
                Streams.table("Books", LABEL, true, "KEYS_ONLY")).toJson());
        tableEvents.append(0, new byte[] {'{', (byte) 0xFF});
        tableEvents.append(0, Streams.event(TableEvent.Type.DELETED, "Books", "id-Books", 1_764_070_000_000L,
                Streams.table("Books", LABEL, true, "KEYS_ONLY")).toJson());
        TableEventsReader reader = tableEventsReader();

        assertThat(reader.catchUp()).isFalse();
        assertThat(reader.catchUp()).isFalse();

        assertThat(registry.ofTable("Books")).singleElement().satisfies(stream -> assertThat(stream.enabled()).isTrue());
        assertThat(registry.tableEventsPosition()).isEqualTo(1);
        assertThat(undecodableCount(Topics.TABLE_EVENTS, 0)).isEqualTo(1);
        reader.close();
    }

    private ProcessingSession open() {
        GappedMockProducer producer = new GappedMockProducer();
        producers.add(producer);
        changeLogConsumer = restartedConsumer();
        ProcessingSession session = new ProcessingSession(new StreamRecordPublisher(producer, topics(), registry),
                changeLogConsumer, tableEventsReader(), registry, blocked, bytes -> decoder.apply(bytes));
        sessions.add(session);
        return session;
    }

    /** A fresh consumer that knows the offsets committed so far, as the group coordinator would. */
    private LogConsumer restartedConsumer() {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        producers.forEach(producer -> producer.consumerGroupOffsetsHistory()
                .forEach(transaction -> transaction.values().forEach(committed::putAll)));
        return new LogConsumer(changeLog, committed);
    }

    private TableEventsReader tableEventsReader() {
        return new TableEventsReader(new LogConsumer(tableEvents), registry, new TableEventApplier(registry, topics()), blocked);
    }

    private Map<TopicPartition, Long> lastCommitted() {
        Map<TopicPartition, Long> committed = new HashMap<>();
        producers.forEach(producer -> producer.consumerGroupOffsetsHistory().forEach(transaction -> transaction.values()
                .forEach(offsets -> offsets.forEach((partition, offset) -> committed.put(partition, offset.offset())))));
        return committed;
    }

    /** The values of v of the item's published stream records, in order. */
    private List<String> published(String pk) {
        List<String> values = new ArrayList<>();
        for (GappedMockProducer producer : producers) {
            for (ProducerRecord<byte[], byte[]> record : producer.history()) {
                JsonNode image = Json.read(record.value()).get("dynamodb").get("NewImage");
                if (image.get("pk").get("S").stringValue().equals(pk)) {
                    values.add(image.get("v").get("S").stringValue());
                }
            }
        }
        return values;
    }

    private double blockedGauge(String topic, int partition) {
        Gauge gauge = meters.find(BlockedPartitions.BLOCKED_PARTITIONS)
                .tags("topic", topic, "partition", Integer.toString(partition)).gauge();
        assertThat(gauge).as("gauge of %s-%s", topic, partition).isNotNull();
        return gauge.value();
    }

    private double undecodableCount(String topic, int partition) {
        Counter counter = meters.find(BlockedPartitions.UNDECODABLE_RECORDS)
                .tags("topic", topic, "partition", Integer.toString(partition)).counter();
        return counter == null ? 0 : counter.count();
    }

    private static int occurrences(CapturedOutput output, String text) {
        return output.toString().split(Pattern.quote(text), -1).length - 1;
    }

    private static TopicPartition partition(int partition) {
        return new TopicPartition(Topics.ITEM_CHANGES, partition);
    }

    private static byte[] change(long sequence, String pk, String value) {
        return Streams.change("INSERT", sequence, pk, null, Streams.item(pk, value)).toJson();
    }

    /** A change whose value of v holds two bytes that are not UTF-8. */
    private static byte[] undecodable(long sequence, String pk) {
        byte[] json = change(sequence, pk, "##");
        String text = new String(json, StandardCharsets.ISO_8859_1);
        return text.replace("\"##\"", "\"\u00FF\u00FE\"").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Decodes what is not UTF-8 as U+FFFD, as a newer version might. */
    private static ItemChange decodeLeniently(byte[] bytes) {
        return ItemChange.fromJson(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
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

    /** A clock that moves only when told. */
    private static final class ManualClock extends Clock {
        private long millis = 1_764_067_100_000L;

        void advance(Duration duration) {
            millis += duration.toMillis();
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
