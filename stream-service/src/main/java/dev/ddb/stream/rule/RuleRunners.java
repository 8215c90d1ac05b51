package dev.ddb.stream.rule;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.ddb.stream.kafka.DeliveryProducer;
import dev.ddb.stream.kafka.KafkaClients;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.registry.StreamRegistry;
import dev.ddb.stream.trigger.Functions;
import dev.ddb.stream.trigger.TriggerProperties;
import io.micrometer.core.instrument.MeterRegistry;

/** Runs every enabled rule ({@link RuleRunner}) from stream-service's start to its stop. */
@Component
public class RuleRunners implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RuleRunners.class);

    private final RuleStore store;
    private final StreamRegistry streams;
    private final Functions functions;
    private final KafkaClients kafka;
    private final TriggerProperties properties;
    private final HttpClient http;
    private final MeterRegistry meters;
    private final Map<String, RuleRunner> running = new ConcurrentHashMap<>();
    private final DeliveryProducer producer;
    private volatile boolean started;

    public RuleRunners(RuleStore store, StreamRegistry streams, Functions functions, KafkaClients kafka,
                       DeliveryProducer producer, TriggerProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.store = store;
        this.streams = streams;
        this.functions = functions;
        this.kafka = kafka;
        this.producer = producer;
        this.properties = properties;
        this.meters = meters.getIfAvailable();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public synchronized void start() {
        started = true;
        store.all().forEach(this::apply);
    }

    /** (Re)starts the rule's runner as the rule now says, or stops it when disabled; progress stays in its group. */
    public synchronized void apply(Rule rule) {
        remove(rule);
        if (!started || !rule.enabled()) {
            return;
        }
        List<RuleRunner.Delivery> deliveries = new ArrayList<>();
        for (RuleTarget target : rule.targets()) {
            try {
                TargetArns.Destination destination = TargetArns.resolve(target.arn(), rule.region(), functions);
                deliveries.add(new RuleRunner.Delivery(target,
                        TargetSender.of(destination, producer.get(), http, properties.functionTimeout())));
            } catch (EventsException e) {
                LOG.warn("Event rule {}: target {} skipped: {}", rule.name(), target.id(), e.getMessage());
            }
        }
        RuleRunner runner = new RuleRunner(rule, deliveries, kafka.mappingConsumer(rule.consumerGroup()),
                () -> partitionsOf(rule.region()), functions.accountId(), properties.retryBackoff(),
                RuleMeters.of(meters, rule.name()));
        running.put(key(rule), runner);
        runner.start();
    }

    public synchronized void remove(Rule rule) {
        RuleRunner runner = running.remove(key(rule));
        if (runner != null) {
            runner.close();
        }
    }

    private Set<TopicPartition> partitionsOf(String region) {
        Set<TopicPartition> partitions = new HashSet<>();
        for (Stream stream : streams.inRegion(region)) {
            for (int shard = 0; shard < stream.shardCount(); shard++) {
                partitions.add(new TopicPartition(stream.topic(), shard));
            }
        }
        return partitions;
    }

    private static String key(Rule rule) {
        return rule.region() + "/" + rule.name();
    }

    @Override
    public synchronized void stop() {
        started = false;
        running.values().parallelStream().forEach(RuleRunner::close);
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
