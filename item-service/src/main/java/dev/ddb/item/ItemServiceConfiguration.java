package dev.ddb.item;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.event.Topics;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.OperationDispatcher;
import dev.ddb.item.capacity.CapacityLimits;
import dev.ddb.item.changelog.OutboxRelay;
import dev.ddb.item.operation.BatchGetItem;
import dev.ddb.item.operation.BatchWriteItem;
import dev.ddb.item.operation.DeleteItem;
import dev.ddb.item.operation.GetItem;
import dev.ddb.item.operation.PutItem;
import dev.ddb.item.operation.Query;
import dev.ddb.item.operation.Scan;
import dev.ddb.item.operation.TransactGetItems;
import dev.ddb.item.operation.TransactWriteItems;
import dev.ddb.item.operation.UpdateItem;
import dev.ddb.item.partiql.PartiQlOperations;
import dev.ddb.item.storage.Durability;
import dev.ddb.item.bulk.ItemLoad;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.table.TableEventsFollower;
import dev.ddb.item.transaction.ClientRequestTokens;
import dev.ddb.item.table.TableProvisioning;
import dev.ddb.item.table.TableStatistics;
import dev.ddb.item.write.IndexBackfill;
import dev.ddb.item.write.ItemLocks;
import dev.ddb.item.write.WritePath;

/** Wires the store and the operations item-service answers. */
@Configuration(proxyBeanMethods = false)
class ItemServiceConfiguration {

    @Bean(destroyMethod = "close")
    ItemStore itemStore(ItemServiceProperties properties, MasterKey masterKey) {
        Durability durability = properties.durability() == null ? Durability.SYNC : properties.durability();
        return new ItemStore(properties.dataDir(), masterKey, durability, properties.pageCacheMibOrDefault());
    }

    @Bean
    WritePath writePath(ItemStore store) {
        return new WritePath(store, new ItemLocks());
    }

    /** Resumes the backfills a restart interrupted. */
    @Bean(destroyMethod = "close")
    IndexBackfill indexBackfill(ItemStore store, WritePath writes) {
        IndexBackfill backfill = new IndexBackfill(store, writes.locks());
        backfill.resumeAll();
        return backfill;
    }

    @Bean
    ItemLoad itemLoad(ItemStore store, WritePath writes) {
        return new ItemLoad(store, writes);
    }

    @Bean
    TableProvisioning tableProvisioning(ItemStore store, IndexBackfill backfill) {
        return new TableProvisioning(store, backfill);
    }

    @Bean(destroyMethod = "close")
    TableStatistics tableStatistics(ItemStore store) {
        return new TableStatistics(store);
    }

    /** Reads table events from the start each time, outside any consumer group. */
    @Bean
    TableEventsFollower tableEventsFollower(KafkaProperties kafka, TableProvisioning provisioning) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "item-service-table-events");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A missing topic must stay missing: table-service creates it compacted.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new TableEventsFollower(
                () -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()), provisioning);
    }

    @Bean
    OutboxRelay outboxRelay(ItemStore store, KafkaTemplate<String, byte[]> kafka) {
        return new OutboxRelay(store, kafka);
    }

    @Bean
    NewTopic itemChangesTopic() {
        // Room for the largest change record (see max.request.size in item-service.yml).
        return TopicBuilder.name(Topics.ITEM_CHANGES).partitions(4).replicas(1)
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16777216").build();
    }

    @Bean
    CapacityLimits capacityLimits(ItemServiceProperties properties) {
        return new CapacityLimits(properties.burstSeconds(), properties.onDemandBurstSeconds());
    }

    @Bean
    OperationDispatcher itemOperations(ItemStore store, WritePath writes, CapacityLimits limits) {
        Map<String, Operation> operations = new HashMap<>(Map.of(
                "PutItem", new PutItem(store, writes, limits),
                "GetItem", new GetItem(store, limits),
                "DeleteItem", new DeleteItem(store, writes, limits),
                "UpdateItem", new UpdateItem(store, writes, limits),
                "Query", new Query(store, limits),
                "Scan", new Scan(store, limits),
                "BatchGetItem", new BatchGetItem(store, limits),
                "BatchWriteItem", new BatchWriteItem(store, writes, limits),
                "TransactWriteItems", new TransactWriteItems(store, writes, new ClientRequestTokens(store), limits),
                "TransactGetItems", new TransactGetItems(store, limits)));
        operations.putAll(PartiQlOperations.all(store, operations));
        return new OperationDispatcher(operations);
    }
}
