package dev.ddb.standalone.indexes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Await;
import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Secondary indexes through the whole stack (gateway, table-service, item-service) with the AWS
 * SDK: indexes declared at CreateTable, a GSI added later to a table with items (backfilled, then
 * ACTIVE), and the enhanced client's index queries.
 */
class SecondaryIndexEndToEndTest {

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        client = Clients.dynamoDb(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    @Test
    void indexesDeclaredAtCreateTableAreQueryable() {
        client.createTable(r -> r.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("customer", ScalarAttributeType.S), def("orderId", ScalarAttributeType.S),
                        def("status", ScalarAttributeType.S), def("total", ScalarAttributeType.N))
                .keySchema(key("customer", KeyType.HASH), key("orderId", KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("ByStatus")
                        .keySchema(key("status", KeyType.HASH), key("orderId", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                .localSecondaryIndexes(l -> l.indexName("ByTotal")
                        .keySchema(key("customer", KeyType.HASH), key("total", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        for (int i = 0; i < 10; i++) {
            Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of("customer", s("c" + (i % 2)),
                    "orderId", s("o" + i), "total", n(Integer.toString(100 - i)), "note", s("n" + i)));
            if (i % 3 != 0) {
                item.put("status", s(i % 3 == 1 ? "OPEN" : "SHIPPED")); // items without a status are not in ByStatus
            }
            client.putItem(r -> r.tableName("Orders").item(item));
        }

        QueryResponse open = client.query(r -> r.tableName("Orders").indexName("ByStatus")
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("OPEN"))));
        assertThat(open.items()).extracting(i -> i.get("orderId").s()).containsExactly("o1", "o4", "o7");
        assertThat(open.items()).allSatisfy(i -> assertThat(i).containsOnlyKeys("customer", "orderId", "status"));

        QueryResponse byTotal = client.query(r -> r.tableName("Orders").indexName("ByTotal").consistentRead(true)
                .keyConditionExpression("customer = :c AND #t < :t").expressionAttributeNames(Map.of("#t", "total"))
                .expressionAttributeValues(Map.of(":c", s("c0"), ":t", n("95"))));
        assertThat(byTotal.items()).extracting(i -> i.get("total").n()).containsExactly("92", "94");
        assertThat(byTotal.items().get(0)).containsKey("note");

        assertThatThrownBy(() -> client.query(r -> r.tableName("Orders").indexName("ByStatus").consistentRead(true)
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("OPEN")))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Consistent reads are not supported on global secondary indexes"));

        TableDescription table = client.describeTable(r -> r.tableName("Orders")).table();
        GlobalSecondaryIndexDescription byStatus = table.globalSecondaryIndexes().get(0);
        assertThat(byStatus.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(byStatus.indexArn()).endsWith(":table/Orders/index/ByStatus");
        assertThat(table.localSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("ByTotal");
    }

    /** DescribeTable's ItemCount and TableSizeBytes, and each index's ItemCount and IndexSizeBytes, as DynamoDB counts them. */
    @Test
    void describeTableCountsTheItemsOfTheTableAndOfEachIndex() {
        client.createTable(r -> r.tableName("Counted").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S), def("at", ScalarAttributeType.S),
                        def("group", ScalarAttributeType.S), def("rank", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH), key("at", KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("ByGroup").keySchema(key("group", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .localSecondaryIndexes(l -> l.indexName("ByRank").keySchema(key("id", KeyType.HASH), key("rank", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        List<Map<String, AttributeValue>> items = List.of(
                Map.of("id", s("a"), "at", s("1"), "group", s("g1"), "rank", s("r1"), "note", s("first")),
                Map.of("id", s("a"), "at", s("2"), "group", s("g2"), "note", s("no rank")),
                Map.of("id", s("b"), "at", s("1"), "rank", s("r2"), "note", s("no group")),
                Map.of("id", s("c"), "at", s("1"), "note", s("in no index")));
        items.forEach(item -> client.putItem(r -> r.tableName("Counted").item(item)));

        TableDescription table = client.describeTable(r -> r.tableName("Counted")).table();

        assertThat(table.itemCount()).isEqualTo(4);
        assertThat(table.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(2);
        assertThat(table.localSecondaryIndexes().get(0).itemCount()).isEqualTo(2);
        // sizes: a small table's are measured while DescribeTable waits (a busy machine may need another call)
        long allItems = items.stream().mapToLong(SecondaryIndexEndToEndTest::size).sum();
        Await.until("the sizes measured", Duration.ofSeconds(10),
                () -> client.describeTable(r -> r.tableName("Counted")).table().tableSizeBytes() == allItems);
        TableDescription sized = client.describeTable(r -> r.tableName("Counted")).table();
        GlobalSecondaryIndexDescription byGroup = sized.globalSecondaryIndexes().get(0);
        assertThat(byGroup.indexSizeBytes()).isEqualTo(size(items.get(0)) + size(items.get(1)));
        assertThat(sized.localSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(size(items.get(0)) + size(items.get(2)));

        // counts follow every write at once; a small table's sizes, measured again at most once a second
        client.deleteItem(r -> r.tableName("Counted").key(Map.of("id", s("a"), "at", s("1"))));
        TableDescription afterDelete = client.describeTable(r -> r.tableName("Counted")).table();
        assertThat(afterDelete.itemCount()).isEqualTo(3);
        assertThat(afterDelete.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(1);
        assertThat(afterDelete.localSecondaryIndexes().get(0).itemCount()).isEqualTo(1);
        Await.until("the sizes measured again", Duration.ofSeconds(10), () -> client.describeTable(r -> r.tableName("Counted")).table().tableSizeBytes()
                == items.stream().skip(1).mapToLong(SecondaryIndexEndToEndTest::size).sum());
        TableDescription measured = client.describeTable(r -> r.tableName("Counted")).table();
        assertThat(measured.globalSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(size(items.get(1)));
        assertThat(measured.localSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(size(items.get(2)));
    }

    /** An item of string attributes only, as DynamoDB sizes it: each name's and value's UTF-8 bytes. */
    private static long size(Map<String, AttributeValue> item) {
        return item.entrySet().stream().mapToLong(e -> e.getKey().length() + e.getValue().s().length()).sum();
    }

    @Test
    void aGlobalSecondaryIndexAddedToATableWithItemsIsBackfilledThenActive() {
        client.createTable(r -> r.tableName("Players").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH)));
        for (int i = 0; i < 300; i++) {
            int n = i;
            client.putItem(r -> r.tableName("Players").item(Map.of("id", s("p" + n), "team", s("t" + (n % 3)))));
        }
        client.updateTable(r -> r.tableName("Players").attributeDefinitions(def("team", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("ByTeam").keySchema(key("team", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        client.putItem(r -> r.tableName("Players").item(Map.of("id", s("late"), "team", s("t0"))));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        IndexStatus status;
        do {
            status = client.describeTable(r -> r.tableName("Players")).table().globalSecondaryIndexes().get(0).indexStatus();
        } while (status != IndexStatus.ACTIVE && Instant.now().isBefore(deadline) && pause());
        assertThat(status).isEqualTo(IndexStatus.ACTIVE);

        List<Map<String, AttributeValue>> team0 = client.queryPaginator(r -> r.tableName("Players").indexName("ByTeam")
                .keyConditionExpression("team = :t").expressionAttributeValues(Map.of(":t", s("t0")))).items().stream().toList();
        assertThat(team0).hasSize(101); // 100 backfilled + the one written during the backfill
    }

    @Test
    void theEnhancedClientQueriesAnIndexOfABeanTable() {
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        DynamoDbTable<Song> songs = enhanced.table("Songs", TableSchema.fromBean(Song.class));
        songs.createTable(b -> b.globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder().indexName("ByGenre")
                .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        for (int i = 0; i < 6; i++) {
            Song song = new Song();
            song.setArtist("a" + (i % 2));
            song.setTitle("song" + i);
            song.setGenre(i < 4 ? "jazz" : "rock");
            song.setYear(2000 + i);
            songs.putItem(song);
        }
        DynamoDbIndex<Song> byGenre = songs.index("ByGenre");
        List<Song> jazzSince2001 = byGenre.query(q -> q.queryConditional(QueryConditional.sortGreaterThanOrEqualTo(
                Key.builder().partitionValue("jazz").sortValue(2001).build())))
                .stream().flatMap(page -> page.items().stream()).toList();
        assertThat(jazzSince2001).extracting(Song::getTitle).containsExactly("song1", "song2", "song3");
        Page<Song> first = byGenre.query(q -> q.queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue("rock").build()))
                .limit(1)).iterator().next();
        assertThat(first.items()).hasSize(1);
        assertThat(first.lastEvaluatedKey()).containsKeys("genre", "year", "artist", "title");
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static software.amazon.awssdk.services.dynamodb.model.KeySchemaElement key(String name, KeyType type) {
        return software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    @DynamoDbBean
    public static class Song {
        private String artist;
        private String title;
        private String genre;
        private Integer year;

        @DynamoDbPartitionKey
        public String getArtist() {
            return artist;
        }

        public void setArtist(String artist) {
            this.artist = artist;
        }

        @DynamoDbSortKey
        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        @DynamoDbSecondaryPartitionKey(indexNames = "ByGenre")
        public String getGenre() {
            return genre;
        }

        public void setGenre(String genre) {
            this.genre = genre;
        }

        @DynamoDbSecondarySortKey(indexNames = "ByGenre")
        public Integer getYear() {
            return year;
        }

        public void setYear(Integer year) {
            this.year = year;
        }
    }
}
