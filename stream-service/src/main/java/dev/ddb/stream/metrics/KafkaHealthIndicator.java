package dev.ddb.stream.metrics;

import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import dev.ddb.stream.kafka.KafkaStreamTopics;

/**
 * Readiness ("kafka" in /actuator/health/readiness): a Kafka broker answers. Unlike item-service,
 * whose outbox keeps changes while Kafka is away, stream-service cannot serve without it: stream
 * records are read from and published to Kafka topics.
 */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator {

    /** Short of the probes' usual timeouts, so a missing broker answers DOWN rather than no answer. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final KafkaStreamTopics topics;

    KafkaHealthIndicator(KafkaStreamTopics topics) {
        this.topics = topics;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (topics.clusterReachable(TIMEOUT)) {
            builder.up();
        } else {
            builder.down().withDetail("reason", "no Kafka broker answered within " + TIMEOUT.toSeconds() + " s");
        }
    }
}
