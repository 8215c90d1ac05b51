package dev.ddb.stream.trigger;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.ddb.stream.kafka.DeliveryProducer;
import dev.ddb.stream.kafka.KafkaClients;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.registry.StreamRegistry;

/** Runs every enabled mapping ({@link MappingRunner}) from stream-service's start to its stop. */
@Component
public class MappingRunners implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(MappingRunners.class);

    private final EventSourceMappingStore store;
    private final StreamRegistry streams;
    private final Functions functions;
    private final KafkaClients kafka;
    private final TriggerProperties properties;
    private final HttpClient http;
    private final Map<String, MappingRunner> running = new ConcurrentHashMap<>();
    /** The last LastProcessingResult of mappings whose runner stopped (disabled, updated). */
    private final Map<String, String> lastResults = new ConcurrentHashMap<>();
    private final DeliveryProducer failureProducer;
    private volatile boolean started;

    public MappingRunners(EventSourceMappingStore store, StreamRegistry streams, Functions functions, KafkaClients kafka,
                          DeliveryProducer failureProducer, TriggerProperties properties) {
        this.store = store;
        this.streams = streams;
        this.functions = functions;
        this.kafka = kafka;
        this.failureProducer = failureProducer;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public synchronized void start() {
        started = true;
        for (EventSourceMapping mapping : store.all()) {
            try {
                run(mapping, false); // positions are fixed by the runner as soon as Kafka answers
            } catch (RuntimeException e) {
                LOG.warn("Event source mapping {} not started: {}", mapping.uuid(), e.toString());
            }
        }
    }

    /** (Re)starts the mapping's runner as the mapping now says, or stops it when disabled; progress stays in its group. */
    public synchronized void apply(EventSourceMapping mapping) {
        run(mapping, true);
    }

    /** @param awaitPositions wait (at most 10 s) until a new mapping's starting positions are committed: LATEST means "from now" */
    private void run(EventSourceMapping mapping, boolean awaitPositions) {
        remove(mapping.uuid());
        if (!started || !mapping.enabled()) {
            return;
        }
        Optional<Stream> stream = streams.find(mapping.eventSourceArn());
        if (stream.isEmpty()) {
            LOG.warn("Event source mapping {}: stream {} is gone", mapping.uuid(), mapping.eventSourceArn());
            return;
        }
        String name = mapping.functionName();
        Functions.Function function = functions.resolve(mapping.region(), name);
        MappingRunner runner = new MappingRunner(mapping, stream.get(), kafka.mappingConsumer(mapping.consumerGroup()),
                failureProducer.get(), new HttpFunctionInvoker(http, function.url(), properties.functionTimeout()),
                properties.retryBackoff(), lastResults.getOrDefault(mapping.uuid(), MappingRunner.NO_RECORDS_PROCESSED));
        running.put(mapping.uuid(), runner);
        runner.start();
        if (!awaitPositions) {
            return;
        }
        try {
            runner.awaitPositioned(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized void remove(String uuid) {
        MappingRunner runner = running.remove(uuid);
        if (runner != null) {
            runner.close();
            lastResults.put(uuid, runner.lastProcessingResult());
        }
    }

    /** A deleted mapping. */
    public void forget(String uuid) {
        lastResults.remove(uuid);
    }

    public String lastProcessingResult(String uuid) {
        MappingRunner runner = running.get(uuid);
        return runner != null ? runner.lastProcessingResult() : lastResults.getOrDefault(uuid, MappingRunner.NO_RECORDS_PROCESSED);
    }

    @Override
    public synchronized void stop() {
        started = false;
        running.values().parallelStream().forEach(MappingRunner::close);
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** After the change-log processor (default phase), before it stops. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
