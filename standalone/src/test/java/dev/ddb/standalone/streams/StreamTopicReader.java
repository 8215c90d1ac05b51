package dev.ddb.standalone.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import dev.ddb.common.event.Topics;

/** Reads a table's stream topic from the beginning with a read_committed KafkaConsumer. */
final class StreamTopicReader {

    private StreamTopicReader() {
    }

    /** Waits until {@code expected} records were read, then keeps reading a moment longer to catch extra ones. */
    static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String tableName, int expected,
                                                       Duration timeout) {
        String topic = Topics.streamTopic(tableName);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = StreamClients.streamTopicConsumer(bootstrapServers)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            consumer.assign(partitions.stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList()));
            consumer.seekToBeginning(consumer.assignment());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            long extra = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (System.nanoTime() < extra) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }
}
