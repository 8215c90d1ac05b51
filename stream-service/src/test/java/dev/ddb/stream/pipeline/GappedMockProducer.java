package dev.ddb.stream.pipeline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A transactional MockProducer whose offsets leave room for a commit marker after each committed
 * transaction, as Kafka's do: what StreamRecordPublisher predicts over several transactions.
 */
final class GappedMockProducer extends MockProducer<byte[], byte[]> {

    private final Map<TopicPartition, Long> markers = new HashMap<>();
    private final Set<TopicPartition> written = new HashSet<>();

    GappedMockProducer() {
        super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        try {
            RecordMetadata sent = super.send(record).get();
            TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
            written.add(partition);
            return CompletableFuture.completedFuture(new RecordMetadata(partition,
                    sent.offset() + markers.getOrDefault(partition, 0L), 0, sent.timestamp(),
                    sent.serializedKeySize(), sent.serializedValueSize()));
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void commitTransaction() {
        super.commitTransaction();
        written.forEach(partition -> markers.merge(partition, 1L, Long::sum));
        written.clear();
    }

    @Override
    public void abortTransaction() {
        super.abortTransaction();
        written.clear();
    }
}
