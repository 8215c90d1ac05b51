package dev.ddb.standalone.kinesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A KafkaConsumer on a destination's topic, built as the README tells users to: read_committed
 * (records are written in Kafka transactions), from the beginning.
 */
public final class KinesisTopicReader implements AutoCloseable {

    private static final Duration TOPIC_WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    public KinesisTopicReader(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.assign(partitionsOf(topic));
        consumer.seekToBeginning(consumer.assignment());
    }

    /** stream-service creates the topic when it applies the table event: shortly after Enable returns. */
    private List<TopicPartition> partitionsOf(String topic) {
        long deadline = System.nanoTime() + TOPIC_WAIT.toNanos();
        List<PartitionInfo> partitions = consumer.partitionsFor(topic);
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            partitions = consumer.partitionsFor(topic);
        }
        if (partitions.isEmpty()) {
            throw new AssertionError("Topic " + topic + " was not created within " + TOPIC_WAIT);
        }
        return partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** Reads until a record matches {@code last} (or the timeout passes); returns all records read so far. */
    public List<ConsumerRecord<String, String>> readUntil(Predicate<ConsumerRecord<String, String>> last, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.stream().noneMatch(last) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
