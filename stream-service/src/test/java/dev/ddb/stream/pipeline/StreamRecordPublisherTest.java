package dev.ddb.stream.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.json.Json;
import dev.ddb.stream.kafka.StreamTopics;
import dev.ddb.stream.record.SequenceNumbers;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.registry.StreamArn;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.support.Streams;
import tools.jackson.databind.JsonNode;

class StreamRecordPublisherTest {

    private static final MasterKey KEY = MasterKey.generate();

    private static final String TOPIC = "ddb.stream.Music";
    private static final Map<TopicPartition, OffsetAndMetadata> CONSUMED =
            Map.of(new TopicPartition("ddb.item-changes", 0), new OffsetAndMetadata(8, "lastSequence=2"));

    @TempDir
    Path dataDir;

    private StreamRegistry registry;
    private final Stream stream = Streams.stream("Music", "2026-11-25T10:37:34.123", "NEW_IMAGE", 4);
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(cluster(), true, null,
            new ByteArraySerializer(), new ByteArraySerializer());
    private long endOffset;

    @BeforeEach
    void start() {
        registry = new StreamRegistry(dataDir, KEY);
        registry.save(stream);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void recordsAreKeyedByPartitionKeyAndCarryTheirOwnOffsetAsSequenceNumber() throws Exception {
        StreamRecordPublisher publisher = new StreamRecordPublisher(producer, topics(), registry);
        publisher.begin();
        publisher.publish(stream, Streams.change("INSERT", 1, "a", null, Streams.item("a", "1")));
        publisher.publish(stream, Streams.change("MODIFY", 2, "a", Streams.item("a", "1"), Streams.item("a", "2")));
        publisher.commit(CONSUMED, new ConsumerGroupMetadata("ddb-stream-service"));

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        int shard = Utils.toPositive(Utils.murmur2("a".getBytes(StandardCharsets.UTF_8))) % 4;
        assertThat(sent).hasSize(2).allSatisfy(record -> {
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("a");
            assertThat(record.partition()).isEqualTo(shard);
            assertThat(new String(record.headers().lastHeader("StreamArn").value(), StandardCharsets.UTF_8))
                    .isEqualTo(stream.streamArn());
        });
        List<String> sequenceNumbers = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> record : sent) {
            JsonNode value = Json.read(record.value());
            sequenceNumbers.add(value.get("dynamodb").get("SequenceNumber").stringValue());
        }
        assertThat(sequenceNumbers).containsExactly(SequenceNumbers.of(shard, 0), SequenceNumbers.of(shard, 1));
        assertThat(producer.consumerGroupOffsetsHistory()).containsExactly(Map.of("ddb-stream-service", CONSUMED));
        assertThat(registry.find(stream.streamArn()).orElseThrow().lastOffsets().get(shard)).isEqualTo(1);
    }

    @Test
    void recordLandingElsewhereThanPredictedAbortsTheTransaction() {
        endOffset = 5; // Kafka (the mock) will put the record at 0
        StreamRecordPublisher publisher = new StreamRecordPublisher(producer, topics(), registry);
        publisher.begin();
        publisher.publish(stream, Streams.change("INSERT", 1, "a", null, Streams.item("a", "1")));

        assertThatThrownBy(() -> publisher.commit(CONSUMED, new ConsumerGroupMetadata("ddb-stream-service")))
                .isInstanceOf(StreamRecordPublisher.UnexpectedOffsetException.class);
        publisher.close();

        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.history()).isEmpty();
        assertThat(producer.consumerGroupOffsetsHistory()).isEmpty();
    }

    @Test
    void streamWithoutATopicGetsNoRecords() throws Exception {
        Stream topicless = Stream.create(StreamArn.parse(Streams.arn("Music", "2026-11-25T10:37:35.000"))
                .orElseThrow(), "id-Music", "KEYS_ONLY", Streams.keySchema(), List.of());
        StreamRecordPublisher publisher = new StreamRecordPublisher(producer, topics(), registry);
        publisher.begin();
        publisher.publish(topicless, Streams.change("INSERT", 1, "a", null, Streams.item("a", "1")));
        publisher.commit(CONSUMED, new ConsumerGroupMetadata("ddb-stream-service"));

        assertThat(producer.history()).isEmpty();
        assertThat(producer.consumerGroupOffsetsHistory()).hasSize(1);
    }

    private StreamTopics topics() {
        return new StreamTopics() {
            @Override
            public List<Long> prepare(String tableName) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long endOffset(TopicPartition partition) {
                return endOffset;
            }
        };
    }

    private static Cluster cluster() {
        Node node = new Node(1, "localhost", 9092);
        List<PartitionInfo> partitions = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            partitions.add(new PartitionInfo(TOPIC, p, node, new Node[] {node}, new Node[] {node}));
        }
        return new Cluster("test", List.of(node), partitions, Set.of(), Set.of());
    }
}
