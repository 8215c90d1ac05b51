package dev.ddb.item.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.event.Topics;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.common.table.BillingMode;
import dev.ddb.common.table.BillingModeSummary;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.OnDemandThroughput;
import dev.ddb.common.table.Projection;
import dev.ddb.common.table.ProjectionType;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableStatus;
import dev.ddb.item.storage.Durability;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.storage.StoreWrite;
import dev.ddb.item.support.TestTables;
import dev.ddb.item.write.IndexBackfill;
import dev.ddb.item.write.ItemLocks;

class TableEventsFollowerTest {

    private static final MasterKey MASTER_KEY = MasterKey.generate();

    private static final KeySchema KEY = KeySchema.hashOnly("pk", ScalarAttributeType.S);

    @TempDir
    Path dataDir;

    private ItemStore store;
    private IndexBackfill backfill;
    private TableProvisioning provisioning;
    private TableEventsFollower follower;
    private long offset;

    @BeforeEach
    void openStore() {
        store = new ItemStore(dataDir, MASTER_KEY, Durability.SYNC);
        backfill = new IndexBackfill(store, new ItemLocks());
        provisioning = new TableProvisioning(store, backfill);
        follower = new TableEventsFollower(() -> {
            throw new AssertionError("no Kafka in this test");
        }, provisioning);
    }

    @AfterEach
    void closeStore() {
        backfill.close();
        store.close();
    }

    @Test
    void aDeletedEventDropsTheStorageOfATableWhoseDeleteTableNeverReachedItemService() {
        TableDescription music = table("Music", "id-1", 1000);
        provisioning.provision(music);
        putItem(music, "a");

        follower.apply(records(event(TableEvent.Type.DELETED, music.withStatus(TableStatus.DELETING))));

        assertThat(store.schema("Music")).isNull();
        TableDescription again = table("Music", "id-2", 2000);
        provisioning.provision(again);
        assertThat(store.keysAfter(again, null, 10)).isEmpty();
    }

    @Test
    void aCreatedEventProvisionsATableItemServiceDidNotKnow() {
        TableDescription books = table("Books", "id-1", 1000);

        follower.apply(records(event(TableEvent.Type.CREATED, books)));

        assertThat(store.schema("Books")).isEqualTo(books);
        putItem(books, "a");
        assertThat(store.keysAfter(books, null, 10)).hasSize(1);
    }

    @Test
    void eventsOfAnOlderTableOfTheSameNameNeitherReplaceNorDropTheNewerOne() {
        TableDescription older = table("Music", "id-old", 1000);
        TableDescription newer = table("Music", "id-new", 2000);
        provisioning.provision(newer);
        putItem(newer, "a");

        follower.apply(records(event(TableEvent.Type.CREATED, older), event(TableEvent.Type.DELETED, older)));

        assertThat(store.schema("Music")).isEqualTo(newer);
        assertThat(store.keysAfter(newer, null, 10)).hasSize(1);
    }

    @Test
    void anUpdatedEventGivesTheTableAndItsIndexesTheirNewThroughput() {
        TableDescription music = table("Music", "id-1", 1000).withBilling(null, ProvisionedThroughputDescription.of(5, 5))
                .withGlobalSecondaryIndexes(List.of(index("byPk", IndexStatus.ACTIVE)
                        .withProvisionedThroughput(ProvisionedThroughputDescription.of(1, 1))));
        provisioning.provision(music);
        putItem(music, "a");

        TableDescription raised = music.withBilling(null, ProvisionedThroughputDescription.of(50, 500))
                .withGlobalSecondaryIndexes(List.of(music.globalSecondaryIndexes().get(0)
                        .withProvisionedThroughput(ProvisionedThroughputDescription.of(10, 100))));
        follower.apply(records(event(TableEvent.Type.UPDATED, raised)));

        TableDescription stored = store.schema("Music");
        assertThat(stored.provisionedThroughput().writeCapacityUnits()).isEqualTo(500);
        assertThat(stored.globalIndex("byPk").orElseThrow().provisionedThroughput().writeCapacityUnits()).isEqualTo(100);
        assertThat(stored.globalIndex("byPk").orElseThrow().indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(store.keysAfter(stored, null, 10)).hasSize(1);
    }

    @Test
    void anUpdatedEventOlderThanTheLastProvisioningDoesNotTakeBackItsCapacity() {
        TableDescription music = table("Music", "id-1", 1000).withBilling(null, ProvisionedThroughputDescription.of(5, 5));
        provisioning.provision(music);
        long firstChange = System.currentTimeMillis() - 1000; // published after its own provisioning call, read late
        TableDescription raised = music.withBilling(null, ProvisionedThroughputDescription.of(50, 500));
        provisioning.provision(raised);

        follower.apply(records(event(TableEvent.Type.UPDATED, music, firstChange)));

        assertThat(store.schema("Music").provisionedThroughput().writeCapacityUnits()).isEqualTo(500);
    }

    @Test
    void anUpdatedEventGivesTheTableAndItsIndexesTheirNewOnDemandMaximums() {
        TableDescription music = table("Music", "id-1", 1000)
                .withBilling(new BillingModeSummary(BillingMode.PAY_PER_REQUEST, Instant.ofEpochMilli(1000)),
                        ProvisionedThroughputDescription.onDemand())
                .withGlobalSecondaryIndexes(List.of(index("byPk", IndexStatus.ACTIVE)));
        provisioning.provision(music);

        TableDescription capped = music.withOnDemandThroughput(new OnDemandThroughput(100L, 10L))
                .withGlobalSecondaryIndexes(List.of(music.globalSecondaryIndexes().get(0)
                        .withOnDemandThroughput(new OnDemandThroughput(null, 5L))));
        follower.apply(records(event(TableEvent.Type.UPDATED, capped)));

        TableDescription stored = store.schema("Music");
        assertThat(stored.onDemandThroughput()).isEqualTo(new OnDemandThroughput(100L, 10L));
        assertThat(stored.globalIndex("byPk").orElseThrow().onDemandThroughput()).isEqualTo(new OnDemandThroughput(null, 5L));

        follower.apply(records(event(TableEvent.Type.UPDATED, music)));
        assertThat(store.schema("Music").onDemandThroughput()).isNull();
        assertThat(store.schema("Music").globalIndex("byPk").orElseThrow().onDemandThroughput()).isNull();
    }

    @Test
    void aCreatedEventReadAfterTheTableWasDroppedDoesNotBringItBack() {
        TableDescription music = table("Music", "id-1", 1000);
        provisioning.provision(music);
        provisioning.drop("Music");

        follower.apply(records(event(TableEvent.Type.CREATED, music)));

        assertThat(store.schema("Music")).isNull();
    }

    @Test
    void readingTheTopicAgainFromItsStartNeitherDropsNorRebuildsAnIndex() {
        TableDescription plain = table("Music", "id-1", 1000);
        TableDescription creating = plain.withGlobalSecondaryIndexes(List.of(index("ByPk", IndexStatus.CREATING)));
        TableDescription active = plain.withGlobalSecondaryIndexes(List.of(index("ByPk", IndexStatus.ACTIVE)));
        provisioning.provision(active);
        TableDescription current = store.schema("Music");

        follower.apply(records(event(TableEvent.Type.CREATED, plain), event(TableEvent.Type.UPDATED, creating),
                event(TableEvent.Type.UPDATED, active)));

        assertThat(store.schema("Music")).isEqualTo(current);
        assertThat(current.globalIndex("ByPk").orElseThrow().indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    }

    @Test
    void anIndexMarkedDeletingInAnEventIsDropped() {
        TableDescription indexed = table("Music", "id-1", 1000)
                .withGlobalSecondaryIndexes(List.of(index("ByPk", IndexStatus.ACTIVE)));
        provisioning.provision(indexed);

        follower.apply(records(event(TableEvent.Type.UPDATED,
                indexed.withGlobalSecondaryIndexes(List.of(index("ByPk", IndexStatus.DELETING))))));

        assertThat(store.schema("Music").globalSecondaryIndexes()).isEmpty();
    }

    @Test
    void anUndecodableEventIsPassedOver() {
        TableDescription books = table("Books", "id-1", 1000);
        ConsumerRecord<byte[], byte[]> garbage = new ConsumerRecord<>(Topics.TABLE_EVENTS, 0, offset++, "Bad".getBytes(
                StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8));

        follower.apply(records(garbage, event(TableEvent.Type.CREATED, books)));

        assertThat(store.schema("Books")).isEqualTo(books);
    }

    private static TableDescription table(String name, String id, long createdMillis) {
        TableDescription table = TestTables.table(name, id, KEY);
        return new TableDescription(table.tableName(), table.tableId(), table.tableArn(), table.tableStatus(),
                Instant.ofEpochMilli(createdMillis), table.attributeDefinitions(), table.keySchema(),
                table.provisionedThroughput(), table.billingModeSummary(), List.of(), List.of(), null, null, null, false,
                0, 0, null);
    }

    private static GlobalSecondaryIndex index(String name, IndexStatus status) {
        return new GlobalSecondaryIndex(name, KEY, Projection.of(ProjectionType.KEYS_ONLY), status,
                status == IndexStatus.CREATING ? Boolean.TRUE : null, ProvisionedThroughputDescription.onDemand(), 0, 0,
                "arn:aws:dynamodb:us-east-1:000000000000:table/Music/index/" + name);
    }

    private void putItem(TableDescription table, String pk) {
        Map<String, AttributeValue> item = Map.of("pk", new AttributeValue.S(pk));
        store.apply(List.of(new StoreWrite(table, KeyEncoding.encode(item.get("pk"), null), item, List.of(), "k",
                seq -> new ItemChange(table.tableName(), table.tableId(), seq, "INSERT", item, null, item, 0, 0, null))));
        store.awaitDurable();
    }

    /** An event published now: after every provisioning call the test made before. */
    private ConsumerRecord<byte[], byte[]> event(TableEvent.Type type, TableDescription table) {
        return event(type, table, System.currentTimeMillis());
    }

    private ConsumerRecord<byte[], byte[]> event(TableEvent.Type type, TableDescription table, long timeMillis) {
        TableEvent event = new TableEvent(type, table.tableName(), table.tableId(), timeMillis, table);
        return new ConsumerRecord<>(Topics.TABLE_EVENTS, 0, offset++, table.tableName().getBytes(StandardCharsets.UTF_8),
                event.toJson());
    }

    @SafeVarargs
    private static ConsumerRecords<byte[], byte[]> records(ConsumerRecord<byte[], byte[]>... records) {
        TopicPartition partition = new TopicPartition(Topics.TABLE_EVENTS, 0);
        return new ConsumerRecords<>(Map.of(partition, new ArrayList<>(List.of(records))), Map.of());
    }
}
