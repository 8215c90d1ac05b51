package dev.ddb.stream.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ddb.common.event.Topics;
import dev.ddb.common.region.Regions;
import dev.ddb.stream.StreamServiceProperties;
import dev.ddb.stream.kinesis.KinesisTopics;

/** Creates stream and Kinesis destination topics with DynamoDB Streams' retention and asks Kafka for their end offsets. */
@Component
public class KafkaStreamTopics implements StreamTopics, KinesisTopics, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaStreamTopics.class);
    /** Kafka's limit on topic names. */
    private static final int MAX_TOPIC_NAME = 249;

    private final Admin admin;
    private final StreamServiceProperties properties;

    public KafkaStreamTopics(KafkaClients clients, StreamServiceProperties properties) {
        this.admin = clients.admin();
        this.properties = properties;
    }

    @Override
    public List<Long> prepare(String tableKey) {
        String tableName = Regions.nameOfKey(tableKey);
        String topic = Topics.streamTopic(Regions.regionOfKey(tableKey), tableName);
        if (topic.length() > MAX_TOPIC_NAME) {
            LOG.error("Table {} has a stream, but its topic name would exceed Kafka's {} characters; "
                    + "no stream records are published for it", tableName, MAX_TOPIC_NAME);
            return List.of();
        }
        int partitions = partitionCount(topic).orElseGet(() -> create(topic));
        List<TopicPartition> all = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = endOffsets(all);
        List<Long> offsets = new ArrayList<>();
        all.forEach(partition -> offsets.add(ends.get(partition).offset()));
        return offsets;
    }

    /** A destination's topic: created like a stream topic (partitions, retention) unless it exists. */
    @Override
    public void prepareTopic(String topic) {
        partitionCount(topic).orElseGet(() -> create(topic));
    }

    /** Whether a broker answers within {@code timeout}: what readiness asks (GetRecords and publishing need Kafka). */
    public boolean clusterReachable(Duration timeout) {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis())).clusterId()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public long endOffset(TopicPartition partition) {
        return endOffsets(List.of(partition)).get(partition).offset();
    }

    private Optional<Integer> partitionCount(String topic) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return Optional.of(description.partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw failed("describe topic " + topic, e);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private int create(String topic) {
        NewTopic newTopic = new NewTopic(topic, Optional.of(properties.shardsPerStream()), Optional.empty())
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(properties.retention().toMillis()),
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(KafkaClients.MAX_RECORD_BYTES)));
        try {
            admin.createTopics(List.of(newTopic)).all().get();
            LOG.info("Created topic {} with {} partitions", topic, properties.shardsPerStream());
            return properties.shardsPerStream();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return partitionCount(topic).orElseThrow(() -> failed("create topic " + topic, e));
            }
            throw failed("create topic " + topic, e);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> endOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        try {
            return admin.listOffsets(latest).all().get();
        } catch (ExecutionException e) {
            throw failed("read end offsets of " + partitions, e);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static IllegalStateException failed(String what, Exception e) {
        return new IllegalStateException("Could not " + what + ": " + e.getCause(), e);
    }

    private static IllegalStateException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("Interrupted", e);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
