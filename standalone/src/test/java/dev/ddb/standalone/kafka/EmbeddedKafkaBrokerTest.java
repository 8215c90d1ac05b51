package dev.ddb.standalone.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    private static final String TOPIC = "items";

    @TempDir
    Path dataDir;

    @Test
    @Timeout(120)
    void producesConsumesAndKeepsDataAcrossRestart() throws Exception {
        int port;
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, 0, 0).start()) {
            port = broker.port();
            assertThat(broker.bootstrapServers()).matches("localhost:\\d+");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new StringSerializer())) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(TOPIC, "k1", "v1")).get();
                assertThat(sent.offset()).isZero();
            }
            assertThat(consumeAll(broker, "group-1", 1)).containsExactly("k1=v1");
        }

        // Same directory and client port, new controller port: the topic and its record are still there.
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, port, 0).start()) {
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
            }
            assertThat(consumeAll(broker, "group-2", 1)).containsExactly("k1=v1");
        }
    }

    @Test
    void failsClearlyWhenPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("localhost"), 0));
            int port = taken.getLocalPort();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, port, 0);
            assertThatThrownBy(broker::start)
                    .hasMessage("Kafka port " + port + " is already in use");
            assertThatThrownBy(new EmbeddedKafkaBroker(dataDir, 0, port)::start)
                    .hasMessage("Kafka controller port " + port + " is already in use");
        }
    }

    /** Reads from the beginning with a fresh consumer group until {@code expected} records arrived. */
    private static List<String> consumeAll(EmbeddedKafkaBroker broker, String group, int expected) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r.key() + "=" + r.value());
                }
            }
        }
        return seen;
    }
}
