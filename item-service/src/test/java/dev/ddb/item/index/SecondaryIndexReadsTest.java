package dev.ddb.item.index;

import static dev.ddb.item.index.MusicTable.song;
import static dev.ddb.item.support.DynamoDbErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.item.support.RunningItemService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query and Scan with IndexName: key conditions on the index's keys, order, paging, Select and DynamoDB's errors. */
class SecondaryIndexReadsTest {

    @TempDir
    static Path dataDir;

    private static RunningItemService service;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        service = RunningItemService.start(dataDir);
        client = service.client();
        service.provision(MusicTable.description(MusicTable.NAME, true));
        // Rock: three songs of 1999 (equal index keys), one of 2001; one song without genre.
        client.putItem(r -> r.tableName("Music").item(song("Zed", "Last", "Rock", 1999, "Z")));
        client.putItem(r -> r.tableName("Music").item(song("Acme", "One", "Rock", 1999, "A")));
        client.putItem(r -> r.tableName("Music").item(song("Acme", "Two", "Rock", 1999, "A")));
        client.putItem(r -> r.tableName("Music").item(song("Bee", "Solo", "Rock", 2001, "B")));
        client.putItem(r -> r.tableName("Music").item(song("Acme", "Three", "Pop", 1995, null)));
        client.putItem(r -> r.tableName("Music").item(song("Acme", "Four", null, 2010, null)));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static List<String> songs(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> item.get("Artist").s() + "/" + item.get("Song").s()).toList();
    }

    private QueryResponse rock(java.util.function.Consumer<software.amazon.awssdk.services.dynamodb.model.QueryRequest.Builder> more) {
        return client.query(r -> {
            r.tableName("Music").indexName("ByGenre").keyConditionExpression("Genre = :g")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("Rock")));
            more.accept(r);
        });
    }

    @Test
    void aGlobalIndexQueryIsOrderedByIndexKeyThenTableKey() {
        QueryResponse page = rock(r -> { });
        assertThat(songs(page.items())).containsExactly("Acme/One", "Acme/Two", "Zed/Last", "Bee/Solo");
        // INCLUDE Album: the keys and Album, not Plays.
        assertThat(page.items().get(0)).containsOnlyKeys("Artist", "Song", "Genre", "Year", "Album");
        assertThat(songs(rock(r -> r.scanIndexForward(false)).items())).containsExactly("Bee/Solo", "Zed/Last", "Acme/Two", "Acme/One");
    }

    @Test
    void sortKeyConditionsOnTheIndexKeyCoverEqualKeys() {
        assertThat(songs(client.query(r -> r.tableName("Music").indexName("ByGenre")
                .keyConditionExpression("Genre = :g AND #y <= :y").expressionAttributeNames(Map.of("#y", "Year"))
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("Rock"), ":y", AttributeValue.fromN("1999")))).items()))
                .containsExactly("Acme/One", "Acme/Two", "Zed/Last");
        assertThat(songs(client.query(r -> r.tableName("Music").indexName("ByGenre")
                .keyConditionExpression("Genre = :g AND #y > :y").expressionAttributeNames(Map.of("#y", "Year"))
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("Rock"), ":y", AttributeValue.fromN("1999")))).items()))
                .containsExactly("Bee/Solo");
        assertThat(songs(client.query(r -> r.tableName("Music").indexName("ByGenre")
                .keyConditionExpression("Genre = :g AND #y = :y").expressionAttributeNames(Map.of("#y", "Year"))
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("Rock"), ":y", AttributeValue.fromN("1999")))).items()))
                .containsExactly("Acme/One", "Acme/Two", "Zed/Last");
        assertThat(songs(client.query(r -> r.tableName("Music").indexName("ByGenre")
                .keyConditionExpression("Genre = :g AND #y BETWEEN :a AND :b").expressionAttributeNames(Map.of("#y", "Year"))
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("Rock"), ":a", AttributeValue.fromN("1999"),
                        ":b", AttributeValue.fromN("1999")))).items()))
                .containsExactly("Acme/One", "Acme/Two", "Zed/Last");
    }

    @Test
    void pagesCarryTheIndexAndTableKeys() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = rock(r -> r.limit(1).exclusiveStartKey(from));
            seen.addAll(songs(page.items()));
            start = page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
            if (start != null) {
                assertThat(start).containsOnlyKeys("Artist", "Song", "Genre", "Year");
            }
        } while (start != null);
        assertThat(seen).containsExactly("Acme/One", "Acme/Two", "Zed/Last", "Bee/Solo");

        Map<String, AttributeValue> partial = Map.of("Genre", AttributeValue.fromS("Rock"), "Year", AttributeValue.fromN("1999"),
                "Artist", AttributeValue.fromS("Acme"));
        assertValidation(() -> rock(r -> r.exclusiveStartKey(partial)), "The provided starting key is invalid");
        assertValidation(() -> client.scan(r -> r.tableName("Music").indexName("ByGenre").exclusiveStartKey(partial)),
                "The provided starting key is invalid: The provided key element does not match the schema");
    }

    @Test
    void scansOfAnIndexAreSparseAndSplitIntoSegments() {
        ScanResponse all = client.scan(r -> r.tableName("Music").indexName("ByGenre"));
        assertThat(songs(all.items())).containsExactly("Acme/Three", "Acme/One", "Acme/Two", "Zed/Last", "Bee/Solo");
        List<String> segments = new ArrayList<>();
        for (int segment = 0; segment < 3; segment++) {
            int s = segment;
            segments.addAll(songs(client.scanPaginator(r -> r.tableName("Music").indexName("ByGenre").segment(s).totalSegments(3)
                    .limit(1)).items().stream().toList()));
        }
        assertThat(segments).containsExactlyInAnyOrderElementsOf(songs(all.items()));
        assertThat(client.scan(r -> r.tableName("Music").indexName("ByAlbum").select(Select.COUNT)).count()).isEqualTo(4);
    }

    @Test
    void filtersProjectionsAndSelect() {
        assertThat(songs(rock(r -> r.filterExpression("Album = :a").expressionAttributeValues(Map.of(
                ":g", AttributeValue.fromS("Rock"), ":a", AttributeValue.fromS("A")))).items()))
                .containsExactly("Acme/One", "Acme/Two");
        assertThat(rock(r -> r.projectionExpression("Album")).items().get(0)).containsOnlyKeys("Album");
        assertThat(rock(r -> r.select(Select.COUNT)).count()).isEqualTo(4);
        assertThat(rock(r -> r.select(Select.ALL_PROJECTED_ATTRIBUTES)).items().get(0)).doesNotContainKey("Plays");
        assertValidation(() -> rock(r -> r.select(Select.ALL_ATTRIBUTES)),
                "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary "
                        + "index ByGenre because its projection type is not ALL");
        assertThat(client.query(r -> r.tableName("Music").indexName("ByAlbum").keyConditionExpression("Album = :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("A"))).select(Select.ALL_ATTRIBUTES)).items())
                .hasSize(2).allSatisfy(item -> assertThat(item).containsKey("Plays"));
    }

    @Test
    void aLocalIndexReadsConsistentlyAndFetchesWhatItDoesNotProject() {
        QueryResponse byYear = client.query(r -> r.tableName("Music").indexName("ByYear").consistentRead(true)
                .keyConditionExpression("Artist = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS("Acme"))));
        assertThat(songs(byYear.items())).containsExactly("Acme/Three", "Acme/One", "Acme/Two", "Acme/Four");
        assertThat(byYear.items().get(0)).containsOnlyKeys("Artist", "Song", "Year");
        QueryResponse all = client.query(r -> r.tableName("Music").indexName("ByYear").select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("Artist = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS("Acme"))));
        assertThat(all.items().get(0)).containsKeys("Plays", "Genre");
    }

    @Test
    void unknownIndexesAndConsistentGlobalReadsAreRejected() {
        assertValidation(() -> client.query(r -> r.tableName("Music").indexName("Nope").keyConditionExpression("Genre = :g")
                        .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("Rock")))),
                "The table does not have the specified index: Nope");
        assertValidation(() -> client.scan(r -> r.tableName("Music").indexName("Nope")),
                "The table does not have the specified index: Nope");
        assertValidation(() -> rock(r -> r.consistentRead(true)), "Consistent reads are not supported on global secondary indexes");
        assertValidation(() -> client.scan(r -> r.tableName("Music").indexName("ByGenre").consistentRead(true)),
                "Consistent reads are not supported on global secondary indexes");
        assertValidation(() -> client.query(r -> r.tableName("Music").indexName("ByGenre").keyConditionExpression("Artist = :a")
                        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("Acme")))),
                "Query condition missed key schema element: Genre");
    }

    @Test
    void readsReportTheIndexTheyRead() {
        var capacity = rock(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(capacity.capacityUnits()).isEqualTo(0.5);
        assertThat(capacity.table().capacityUnits()).isEqualTo(0.0);
        assertThat(capacity.globalSecondaryIndexes().get("ByGenre").capacityUnits()).isEqualTo(0.5);
        var local = client.query(r -> r.tableName("Music").indexName("ByYear").consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .keyConditionExpression("Artist = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromS("Acme"))))
                .consumedCapacity();
        assertThat(local.localSecondaryIndexes().get("ByYear").capacityUnits()).isEqualTo(1.0);
    }
}
