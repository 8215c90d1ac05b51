package dev.ddb.stream.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;

import dev.ddb.common.metrics.MeterNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * The change-log pipeline's meters: {@code ddb.stream.publishing.lag} per table (from a change's
 * time in item-service to its stream record being published), and the change-log consumer's own
 * Kafka metrics (Micrometer's {@link KafkaClientMetrics}: {@code kafka.consumer.fetch.manager.records.lag.max}
 * and the rest), bound for as long as a session's consumer lives.
 */
final class PipelineMeters {

    static final PipelineMeters NONE = new PipelineMeters(null);

    private final MeterRegistry registry;
    private final Map<String, Timer> lagByTable = new ConcurrentHashMap<>();

    PipelineMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void published(String table, long changeTimeMillis) {
        if (registry == null) {
            return;
        }
        Timer lag = lagByTable.get(table);
        if (lag == null) {
            lag = lagByTable.computeIfAbsent(table, name -> Timer.builder(MeterNames.STREAM_PUBLISHING_LAG)
                    .tag(MeterNames.TABLE, name)
                    .description("From an item change to its stream record published to ddb.stream.<Table>")
                    .publishPercentileHistogram().register(registry));
        }
        lag.record(Math.max(0, System.currentTimeMillis() - changeTimeMillis), TimeUnit.MILLISECONDS);
    }

    /** Binds the consumer's metrics; closing the result removes them (the consumer is closed with its session). */
    AutoCloseable bind(Consumer<?, ?> consumer) {
        if (registry == null) {
            return () -> { };
        }
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        return metrics;
    }
}
