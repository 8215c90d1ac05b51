package dev.ddb.stream.kafka;

import java.time.Duration;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.springframework.stereotype.Component;

/**
 * The one producer that delivers to topics users name: event source mappings' on-failure
 * destinations and event rules' Kafka targets. Made on first use (most stacks have neither);
 * closed with the context, after the runners that use it have stopped (they are lifecycle beans).
 */
@Component
public class DeliveryProducer implements AutoCloseable {

    private final KafkaClients kafka;
    private KafkaProducer<byte[], byte[]> producer;

    public DeliveryProducer(KafkaClients kafka) {
        this.kafka = kafka;
    }

    public synchronized KafkaProducer<byte[], byte[]> get() {
        if (producer == null) {
            producer = kafka.deliveryProducer();
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
