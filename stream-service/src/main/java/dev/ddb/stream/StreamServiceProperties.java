package dev.ddb.stream;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of stream-service.
 *
 * @param dataDir          where the stream metadata store {@code streams.mv.db} lives
 * @param shardsPerStream  partitions of a new {@code ddb.stream.<TableName>} topic; each is one shard
 * @param retention        how long stream records are kept (the topics' retention.ms), and how long a
 *                         disabled stream stays listed
 * @param iteratorLifetime how long a shard iterator may be used (DynamoDB: 15 minutes)
 * @param shardCloseDelay  how long after a stream is disabled its shards still take late changes
 *                         (made while it was enabled) before they count as closed
 * @param transactionalId  Kafka transactional.id of the change-log processor; one per stream-service
 *                         deployment, it fences a previous instance that did not stop cleanly
 * @param consumerGroup    consumer group whose committed offsets (with the last change sequence in
 *                         their metadata) say how far the change log has been turned into streams
 * @param readers          Kafka consumers kept for reading shards (GetRecords, DescribeStream)
 */
@ConfigurationProperties("ddb.stream")
public record StreamServiceProperties(
        @DefaultValue("./data/stream-service") Path dataDir,
        @DefaultValue("4") int shardsPerStream,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("15m") Duration iteratorLifetime,
        @DefaultValue("5s") Duration shardCloseDelay,
        @DefaultValue("ddb-stream-service") String transactionalId,
        @DefaultValue("ddb-stream-service") String consumerGroup,
        @DefaultValue("4") int readers) {
}
