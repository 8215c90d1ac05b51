package dev.ddb.item.index;

import static dev.ddb.item.support.DynamoDbErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.json.Json;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.SecondaryIndex;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.item.storage.Durability;
import dev.ddb.item.storage.IndexEntryWrite;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.storage.StoreWrite;
import dev.ddb.item.support.RunningItemService;
import dev.ddb.item.write.IndexEntries;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tools.jackson.databind.JsonNode;

/**
 * An index added to a table that has items (UpdateTable's Create) is backfilled online while
 * writes go on, and ends ACTIVE and complete; a restart during the backfill finishes it; a
 * removed index (Delete) goes.
 */
class IndexBackfillTest {

    private static final String TABLE = "Catalog";
    private static final int ITEMS = 3000;

    @TempDir
    Path dataDir;

    @Test
    void anIndexAddedUnderWritesEndsActiveAndComplete() throws Exception {
        try (RunningItemService service = RunningItemService.start(dataDir)) {
            DynamoDbClient client = service.client();
            service.provision(MusicTable.description(TABLE, false));
            load(client, ITEMS);

            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                Random random = new Random(7);
                while (writing.get()) {
                    String song = "Song" + random.nextInt(ITEMS);
                    switch (random.nextInt(3)) {
                        case 0 -> client.updateItem(r -> r.tableName(TABLE).key(MusicTable.key("Acme", song))
                                .updateExpression("SET Album = :a")
                                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("New" + random.nextInt(5)))));
                        case 1 -> client.updateItem(r -> r.tableName(TABLE).key(MusicTable.key("Acme", song)).updateExpression("REMOVE Album"));
                        default -> client.deleteItem(r -> r.tableName(TABLE).key(MusicTable.key("Acme", song)));
                    }
                }
            });
            writer.start();
            Thread.sleep(100);
            service.provision(MusicTable.description(TABLE, true));
            JsonNode added = byAlbum(service);
            assertThat(added.get("IndexStatus").asString()).isIn("CREATING", "ACTIVE");
            awaitActive(service);
            Thread.sleep(100); // writes go on after the backfill, too
            writing.set(false);
            writer.join();

            List<Map<String, AttributeValue>> expected = IndexContents.expected(client, TABLE, IndexContents.BY_ALBUM);
            assertThat(expected).hasSizeGreaterThan(ITEMS / 3);
            assertThat(IndexContents.actual(client, TABLE, IndexContents.BY_ALBUM)).containsExactlyElementsOf(expected);
            JsonNode active = byAlbum(service);
            assertThat(active.get("Backfilling").asBoolean()).isFalse();
            assertThat(active.get("ItemCount").asLong()).isEqualTo(expected.size());
            assertThat(active.get("IndexSizeBytes").asLong()).isPositive();

            service.provision(MusicTable.description(TABLE, false));
            assertThat(service.indexes(TABLE).get("Indexes")).extracting(index -> index.get("IndexName").asString())
                    .containsExactly("ByYear", "ByGenre");
            assertValidation(() -> client.scan(r -> r.tableName(TABLE).indexName("ByAlbum")),
                    "The table does not have the specified index: ByAlbum");
        }
    }

    @Test
    void aRestartDuringTheBackfillFinishesIt() throws Exception {
        // The store as a crash halfway through a backfill leaves it: the index CREATING, the
        // first half of the items indexed and that much recorded as done.
        // the key item-service then opens the store with: <data-dir>/master.key
        MasterKey masterKey = MasterKey.readOrCreate(dataDir.resolve("master.key")).key();
        try (ItemStore store = new ItemStore(dataDir, masterKey, Durability.SYNC)) {
            TableDescription before = TableDescriptionJson.read(Json.read(MusicTable.description(TABLE, false).getBytes(StandardCharsets.UTF_8)));
            store.createTable(before);
            List<StoreWrite> writes = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                Map<String, dev.ddb.common.attribute.AttributeValue> item = new LinkedHashMap<>();
                item.put("Artist", new dev.ddb.common.attribute.AttributeValue.S("Acme"));
                item.put("Song", new dev.ddb.common.attribute.AttributeValue.S("Song" + i));
                if (i % 5 != 0) {
                    item.put("Album", new dev.ddb.common.attribute.AttributeValue.S("Album" + (i % 7)));
                }
                writes.add(new StoreWrite(before, KeyEncoding.encode(item.get("Artist"), item.get("Song")), item, List.of(), "k",
                        seq -> new ItemChange(TABLE, before.tableId(), seq, "INSERT", item, null, item, 0, 0, null)));
            }
            store.apply(writes);
            TableDescription described = TableDescriptionJson.read(Json.read(MusicTable.description(TABLE, true).getBytes(StandardCharsets.UTF_8)));
            List<GlobalSecondaryIndex> indexes = described.globalSecondaryIndexes().stream()
                    .map(index -> index.indexName().equals("ByAlbum") ? index.withStatus(IndexStatus.CREATING, true) : index)
                    .toList();
            TableDescription creating = described.withGlobalSecondaryIndexes(indexes);
            store.updateSchema(creating);
            SecondaryIndex byAlbum = creating.index("ByAlbum").orElseThrow();
            List<byte[]> firstHalf = store.keysAfter(creating, null, ITEMS / 2);
            for (byte[] key : firstHalf) {
                IndexEntryWrite entry = IndexEntries.entryOf(creating, byAlbum, store.get(creating, key));
                if (entry != null) {
                    store.applyIndexEntries(creating, List.of(entry));
                }
            }
            store.recordBackfill(creating, "ByAlbum", firstHalf.get(firstHalf.size() - 1));
            assertThat(store.statistics(creating, byAlbum).itemCount()).isLessThan(ITEMS * 4 / 5);
        }
        try (RunningItemService service = RunningItemService.start(dataDir)) {
            awaitActive(service);
            DynamoDbClient client = service.client();
            List<Map<String, AttributeValue>> expected = IndexContents.expected(client, TABLE, IndexContents.BY_ALBUM);
            assertThat(expected).hasSize(ITEMS * 4 / 5);
            assertThat(IndexContents.actual(client, TABLE, IndexContents.BY_ALBUM)).containsExactlyElementsOf(expected);
        }
    }

    private static void load(DynamoDbClient client, int items) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String album = i % 5 == 0 ? null : "Album" + (i % 7);
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(MusicTable.song("Acme", "Song" + i, "Rock", 1990 + i % 10, album)).build()).build());
            if (batch.size() == 25) {
                List<WriteRequest> writes = List.copyOf(batch);
                client.batchWriteItem(r -> r.requestItems(Map.of(TABLE, writes)));
                batch.clear();
            }
        }
    }

    private static JsonNode byAlbum(RunningItemService service) {
        for (JsonNode index : service.indexes(TABLE).get("Indexes")) {
            if (index.get("IndexName").asString().equals("ByAlbum")) {
                return index;
            }
        }
        throw new AssertionError("no ByAlbum");
    }

    private static void awaitActive(RunningItemService service) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!byAlbum(service).get("IndexStatus").asString().equals("ACTIVE")) {
            assertThat(System.currentTimeMillis()).as("backfill finished in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
