package dev.ddb.stream.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import dev.ddb.stream.StreamServiceProperties;
import dev.ddb.stream.kafka.KafkaClients;
import dev.ddb.stream.kafka.KafkaStreamTopics;

/** Without a broker stream-service is not ready; the answer comes within the indicator's own time limit. */
class KafkaHealthIndicatorTest {

    @Test
    void isDownWhenNoBrokerAnswers() throws IOException {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of("localhost:" + freePort()));
        StreamServiceProperties properties = new StreamServiceProperties(Path.of("unused"), 4, Duration.ofHours(24),
                Duration.ofMinutes(15), Duration.ofSeconds(5), "test", "test", 1);
        try (KafkaStreamTopics topics = new KafkaStreamTopics(new KafkaClients(kafka, properties), properties)) {
            long started = System.nanoTime();
            Health health = new KafkaHealthIndicator(topics).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("reason");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // closed again: nothing listens there
        }
    }
}
