package dev.ddb.stream.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import dev.ddb.stream.StreamServiceProperties;

/**
 * Builds the Kafka clients of stream-service from the {@code spring.kafka.*} settings, with the
 * settings exactly-once processing depends on forced on top.
 */
@Component
public class KafkaClients {

    /** Stream records carry both images of items of up to 400 KB each, in JSON (escaping can grow a string six-fold). */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;
    /** Bounds how long a call waits for an unreachable broker, so that a stop is never held up for long. */
    private static final int API_TIMEOUT_MS = 10_000;
    /**
     * The most of one partition a fetch brings. A record batch larger than this still comes, whole
     * (Kafka returns the first batch of a fetch whatever its size), so records up to
     * {@link #MAX_RECORD_BYTES} still pass; the bound only keeps each fetch response small. Sized to
     * the largest record instead, a consumer catching up received responses of up to 50 MB that
     * outlived young collections and filled the old generation.
     */
    static final int FETCH_PARTITION_BYTES = 1024 * 1024;
    /** About 250 changes of 1 KB: under load a fetch carries that many instead of each relay send (see changeLogConsumer). */
    private static final int CHANGE_LOG_FETCH_MIN_BYTES = 256 * 1024;
    private static final int CHANGE_LOG_FETCH_MAX_WAIT_MS = 100;

    private final KafkaProperties kafka;
    private final StreamServiceProperties properties;

    public KafkaClients(KafkaProperties kafka, StreamServiceProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    /** The producer of stream records: idempotent, acks=all, transactional under one fixed transactional.id. */
    public KafkaProducer<byte[], byte[]> transactionalProducer() {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, properties.transactionalId());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, API_TIMEOUT_MS);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "stream-service-producer");
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The change-log consumer: offsets are only ever committed inside the producer's transactions. */
    public KafkaConsumer<byte[], byte[]> changeLogConsumer() {
        Map<String, Object> config = readerConfig("stream-service-change-log");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup());
        // Static membership (one instance per transactional id): after kill -9 the restarted
        // instance takes its partitions back at once instead of waiting out the dead member's session.
        config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, properties.transactionalId());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // Every poll that returns records costs a Kafka transaction: under load, let a fetch wait
        // (at most fetch.max.wait.ms) for a batch worth a transaction rather than return each change.
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, CHANGE_LOG_FETCH_MIN_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, CHANGE_LOG_FETCH_MAX_WAIT_MS); // the most a change waits for company
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** A consumer outside any group that reads only committed records: table events, shards. */
    public KafkaConsumer<byte[], byte[]> reader(String clientId) {
        Map<String, Object> config = readerConfig(clientId);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The consumer of an event source mapping: its own group (whose committed offsets are the mapping's
     * progress, committed only after a batch is done), partitions assigned, committed records only.
     */
    public KafkaConsumer<byte[], byte[]> mappingConsumer(String groupId) {
        Map<String, Object> config = readerConfig(groupId);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The producer of records delivered to users' topics (on-failure destinations, rule targets): idempotent, acks=all. */
    KafkaProducer<byte[], byte[]> deliveryProducer() {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, API_TIMEOUT_MS);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "stream-service-delivery");
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public Admin admin() {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS / 2);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "stream-service-admin");
        return Admin.create(config);
    }

    private Map<String, Object> readerConfig(String clientId) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Where to start is always decided here; an offset out of range must surface, not silently move.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // A missing topic must stay missing: auto-creation would give it the broker's defaults.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // How long the broker holds a fetch that finds nothing; data that arrives answers it at once
        // (fetch.min.bytes is 1 here), so this only sets how often an idle reader asks again.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_PARTITION_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * FETCH_PARTITION_BYTES);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, API_TIMEOUT_MS / 2);
        return config;
    }
}
