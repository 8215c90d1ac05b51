package dev.ddb.item.index;

import static dev.ddb.item.index.MusicTable.key;
import static dev.ddb.item.index.MusicTable.song;
import static dev.ddb.item.support.DynamoDbErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.item.support.RunningItemService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Index maintenance on the write path: entries follow every write, bad index keys are rejected whole, capacity per index. */
class SecondaryIndexWritesTest {

    @TempDir
    static Path dataDir;

    private static RunningItemService service;
    private static DynamoDbClient client;
    private static final AtomicInteger TABLES = new AtomicInteger();
    private String table;

    @BeforeAll
    static void start() {
        service = RunningItemService.start(dataDir);
        client = service.client();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void newTable() {
        table = "Music" + TABLES.incrementAndGet();
        service.provision(MusicTable.description(table, true));
    }

    private List<Map<String, AttributeValue>> scanIndex(String index) {
        return client.scanPaginator(r -> r.tableName(table).indexName(index)).items().stream().toList();
    }

    @Test
    void entriesFollowPutsUpdatesAndDeletes() {
        client.putItem(r -> r.tableName(table).item(song("Acme", "One", "Rock", 1999, "First")));
        client.putItem(r -> r.tableName(table).item(song("Acme", "Two", null, 2001, null)));

        assertThat(scanIndex("ByGenre")).containsExactly(Map.of("Artist", AttributeValue.fromS("Acme"),
                "Song", AttributeValue.fromS("One"), "Genre", AttributeValue.fromS("Rock"),
                "Year", AttributeValue.fromN("1999"), "Album", AttributeValue.fromS("First")));
        assertThat(scanIndex("ByAlbum")).containsExactly(song("Acme", "One", "Rock", 1999, "First"));
        assertThat(scanIndex("ByYear")).extracting(item -> item.get("Song").s()).containsExactly("One", "Two");

        client.updateItem(r -> r.tableName(table).key(key("Acme", "One"))
                .updateExpression("SET Genre = :g").expressionAttributeValues(Map.of(":g", AttributeValue.fromS("Jazz"))));
        assertThat(scanIndex("ByGenre")).extracting(item -> item.get("Genre").s()).containsExactly("Jazz");

        client.updateItem(r -> r.tableName(table).key(key("Acme", "One")).updateExpression("REMOVE Genre, Album"));
        assertThat(scanIndex("ByGenre")).isEmpty();
        assertThat(scanIndex("ByAlbum")).isEmpty();

        client.deleteItem(r -> r.tableName(table).key(key("Acme", "Two")));
        assertThat(scanIndex("ByYear")).extracting(item -> item.get("Song").s()).containsExactly("One");
    }

    @Test
    void aWriteWithAMistypedIndexKeyChangesNothing() {
        Map<String, AttributeValue> bad = song("Acme", "One", "Rock", null, "First");
        bad.put("Year", AttributeValue.fromS("1999"));
        // ByYear (LSI) is the first index with Year in the description.
        assertValidation(() -> client.putItem(r -> r.tableName(table).item(bad)),
                "One or more parameter values were invalid: Type mismatch for Index Key Year Expected: N Actual: S IndexName: ByYear");

        client.putItem(r -> r.tableName(table).item(song("Acme", "One", "Rock", 1999, "First")));
        assertValidation(() -> client.updateItem(r -> r.tableName(table).key(key("Acme", "One"))
                        .updateExpression("SET Album = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromN("1")))),
                "One or more parameter values were invalid: Type mismatch for Index Key Album Expected: S Actual: N IndexName: ByAlbum");
        assertThat(client.getItem(r -> r.tableName(table).key(key("Acme", "One"))).item().get("Album").s()).isEqualTo("First");
        assertThat(scanIndex("ByAlbum")).hasSize(1);
        assertThat(service.store().outboxSize()).isPositive();
    }

    @Test
    void aBatchWithOneMistypedIndexKeyWritesNothing() {
        Map<String, AttributeValue> bad = song("Acme", "Bad", "Rock", 1999, null);
        bad.put("Genre", AttributeValue.fromN("7"));
        List<WriteRequest> writes = List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(song("Acme", "Good", "Rock", 1999, null)).build()).build(),
                WriteRequest.builder().putRequest(PutRequest.builder().item(bad).build()).build());
        assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of(table, writes))),
                "One or more parameter values were invalid: Type mismatch for Index Key Genre Expected: S Actual: N IndexName: ByGenre");
        assertThat(client.scan(r -> r.tableName(table)).count()).isZero();
        assertThat(scanIndex("ByGenre")).isEmpty();
    }

    @Test
    void emptyAndOversizedIndexKeysAreRejected() {
        assertValidation(() -> client.putItem(r -> r.tableName(table).item(song("Acme", "One", "", 1999, null))),
                "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "
                        + "The AttributeValue for a key attribute cannot contain an empty string value. IndexName: ByGenre, IndexKey: Genre");
        assertValidation(() -> client.putItem(r -> r.tableName(table).item(song("Acme", "One", "x".repeat(2049), 1999, null))),
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
        client.putItem(r -> r.tableName(table).item(song("Acme", "One", "x".repeat(2048), 1999, null)));
        assertThat(scanIndex("ByGenre")).hasSize(1);
    }

    @Test
    void writesReportCapacityPerIndexTheyTouched() {
        var put = client.putItem(r -> r.tableName(table).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .item(song("Acme", "One", "Rock", 1999, "First")));
        ConsumedCapacity capacity = put.consumedCapacity();
        assertThat(capacity.capacityUnits()).isEqualTo(4.0);
        assertThat(capacity.table().capacityUnits()).isEqualTo(1.0);
        assertThat(capacity.globalSecondaryIndexes()).containsOnlyKeys("ByGenre", "ByAlbum");
        assertThat(capacity.globalSecondaryIndexes().get("ByGenre").capacityUnits()).isEqualTo(1.0);
        assertThat(capacity.localSecondaryIndexes().get("ByYear").capacityUnits()).isEqualTo(1.0);

        // A new index key: the old entry is deleted and a new one put, two writes on ByGenre.
        var moved = client.updateItem(r -> r.tableName(table).key(key("Acme", "One"))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .updateExpression("SET Genre = :g").expressionAttributeValues(Map.of(":g", AttributeValue.fromS("Jazz"))));
        assertThat(moved.consumedCapacity().globalSecondaryIndexes().get("ByGenre").capacityUnits()).isEqualTo(2.0);
        assertThat(moved.consumedCapacity().globalSecondaryIndexes().get("ByAlbum").capacityUnits()).isEqualTo(1.0);
        assertThat(moved.consumedCapacity().localSecondaryIndexes()).isEmpty();
        assertThat(moved.consumedCapacity().capacityUnits()).isEqualTo(4.0);

        var total = client.updateItem(r -> r.tableName(table).key(key("Acme", "One"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .updateExpression("SET Plays = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromN("5"))));
        // Plays is projected only into ByAlbum (ALL).
        assertThat(total.consumedCapacity().capacityUnits()).isEqualTo(2.0);
        assertThat(total.consumedCapacity().table()).isNull();
    }

    @Test
    void localIndexesGiveItemCollectionMetrics() {
        var put = client.putItem(r -> r.tableName(table).returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
                .item(song("Acme", "One", "Rock", 1999, "First")));
        assertThat(put.itemCollectionMetrics().itemCollectionKey()).isEqualTo(Map.of("Artist", AttributeValue.fromS("Acme")));
        assertThat(put.itemCollectionMetrics().sizeEstimateRangeGB()).containsExactly(0.0, 1.0);

        var batch = client.batchWriteItem(r -> r.returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
                .requestItems(Map.of(table, List.of(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(song("Acme", "Two", null, null, null)).build()).build()))));
        assertThat(batch.itemCollectionMetrics().get(table)).hasSize(1);
    }

    @Test
    void everyChangedItemHasOneChangeRecordWhateverItsIndexes() {
        int before = service.store().outboxSize();
        client.putItem(r -> r.tableName(table).item(song("Acme", "One", "Rock", 1999, "First")));
        client.updateItem(r -> r.tableName(table).key(key("Acme", "One"))
                .updateExpression("SET Genre = :g").expressionAttributeValues(Map.of(":g", AttributeValue.fromS("Jazz"))));
        client.deleteItem(r -> r.tableName(table).key(key("Acme", "One")));
        assertThat(service.store().outboxSize() - before).isEqualTo(3);
    }

    @Test
    void aBatchOf25WaitsForDurabilityOnce() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Map<String, AttributeValue> item = new HashMap<>(song("Acme", "Song" + i, "Rock", 1990 + i, "A" + (i % 3)));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        long waits = service.store().durabilityWaits();
        int records = service.store().outboxSize();
        client.batchWriteItem(r -> r.requestItems(Map.of(table, writes)));
        assertThat(service.store().durabilityWaits() - waits).isEqualTo(1);
        assertThat(service.store().outboxSize() - records).isEqualTo(25);
        assertThat(scanIndex("ByGenre")).hasSize(25);
    }
}
