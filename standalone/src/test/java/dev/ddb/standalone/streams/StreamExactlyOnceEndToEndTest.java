package dev.ddb.standalone.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.event.Topics;
import dev.ddb.common.json.Json;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import tools.jackson.databind.JsonNode;

/**
 * During a burst of writes stream-service is stopped and started again, its producer is fenced by
 * a zombie's transactional id, and the outbox relay's repeats are injected into the change log;
 * afterwards every write is in the stream exactly once, in order per item, both in Kafka and
 * through GetRecords.
 */
class StreamExactlyOnceEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TABLE = "Burst";
    private static final int ITEMS = 8;

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        dynamo = StreamClients.dynamoDb(stack.gatewayUrl());
        streams = StreamClients.streams(stack.gatewayUrl());
    }

    @AfterAll
    static void stopStack() {
        streams.close();
        dynamo.close();
        stack.close();
    }

    @Test
    void everyWriteIsStreamedOnceThroughStopsFencingAndRelayRepeats() throws Exception {
        String streamArn = dynamo.createTable(b -> b.tableName(TABLE)
                .attributeDefinitions(StreamViewTypesEndToEndTest.attribute("pk", ScalarAttributeType.S))
                .keySchema(StreamViewTypesEndToEndTest.key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
        StreamsAwait.listed(streams, TABLE, streamArn);

        AtomicInteger written = new AtomicInteger();
        AtomicBoolean keepWriting = new AtomicBoolean(true);
        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
            while (keepWriting.get()) {
                int n = written.get();
                dynamo.putItem(b -> b.tableName(TABLE).item(Map.of(
                        "pk", AttributeValue.fromS("item-" + n % ITEMS), "n", AttributeValue.fromN(Integer.toString(n)))));
                written.incrementAndGet();
            }
        });

        awaitWrites(written, 40);
        stack.stopService("stream-service");
        awaitWrites(written, written.get() + 30);
        stack.startService("stream-service");
        awaitWrites(written, written.get() + 40);
        fenceStreamServiceProducer();
        awaitWrites(written, written.get() + 40);
        int repeated = repeatChangeLog();
        awaitWrites(written, written.get() + 40);
        keepWriting.set(false);
        burst.get(30, TimeUnit.SECONDS);
        int total = written.get();
        assertThat(repeated).isPositive();

        List<Integer> fromKafka = new ArrayList<>();
        Map<String, List<Integer>> kafkaByItem = new LinkedHashMap<>();
        Set<String> eventIds = new HashSet<>();
        for (ConsumerRecord<String, String> record : StreamTopicReader.readAll(stack.kafkaBootstrapServers(), TABLE, total, WAIT)) {
            JsonNode value = Json.read(record.value().getBytes(StandardCharsets.UTF_8));
            assertThat(eventIds.add(value.get("eventID").stringValue())).as("eventID seen once").isTrue();
            int n = Integer.parseInt(value.get("dynamodb").get("NewImage").get("n").get("N").stringValue());
            fromKafka.add(n);
            kafkaByItem.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(n);
        }
        assertThat(fromKafka).as("every write once").hasSize(total).doesNotHaveDuplicates();
        assertInOrderPerItem(kafkaByItem, total);

        Map<String, List<Integer>> apiByItem = new LinkedHashMap<>();
        for (List<Record> shard : new StreamApiReader(streams).readAll(streamArn, total, WAIT).values()) {
            for (Record record : shard) {
                apiByItem.computeIfAbsent(record.dynamodb().keys().get("pk").s(), key -> new ArrayList<>())
                        .add(Integer.parseInt(record.dynamodb().newImage().get("n").n()));
            }
        }
        assertThat(apiByItem).isEqualTo(kafkaByItem);
    }

    /** Item {@code item-k} was written with n = k, k + ITEMS, k + 2 ITEMS, ...: exactly that, in that order. */
    private static void assertInOrderPerItem(Map<String, List<Integer>> byItem, int total) {
        assertThat(byItem).hasSize(ITEMS);
        for (int k = 0; k < ITEMS; k++) {
            List<Integer> expected = new ArrayList<>();
            for (int n = k; n < total; n += ITEMS) {
                expected.add(n);
            }
            assertThat(byItem.get("item-" + k)).as("changes of item-%s", k).isEqualTo(expected);
        }
    }

    /** What a second stream-service instance would do on start: take over the transactional id, fencing the running one. */
    private static void fenceStreamServiceProducer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ddb-stream-service");
        try (KafkaProducer<byte[], byte[]> zombie = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            zombie.initTransactions();
        }
    }

    /** What the outbox relay does after a crash between Kafka's ack and the outbox delete: send changes again. */
    private static int repeatChangeLog() {
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        List<ConsumerRecord<byte[], byte[]>> changes = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ITEM_CHANGES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (changes.size() < 50 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(changes::add);
            }
        }
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        try (KafkaProducer<byte[], byte[]> relay = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> change : changes) {
                relay.send(new ProducerRecord<>(Topics.ITEM_CHANGES, change.partition(), change.key(), change.value()));
            }
        }
        return changes.size();
    }

    private static void awaitWrites(AtomicInteger written, int count) {
        StreamsAwait.until(count + " writes", () -> written.get() >= count);
    }
}
