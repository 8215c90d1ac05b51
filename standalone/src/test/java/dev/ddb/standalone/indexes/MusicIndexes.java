package dev.ddb.standalone.indexes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The Music table (Artist, Song) with a local index ByYear (Artist, Year; KEYS_ONLY) and global
 * indexes ByGenre (Genre, Year; INCLUDE Album) and ByAlbum (Album; ALL), created through the
 * gateway; each index as it must be (recomputed from a full, consistent table scan: sparse,
 * projected) and as it is (read back completely with Scan and with Query on IndexName).
 */
final class MusicIndexes {

    private MusicIndexes() {
    }

    /** A table key. */
    record SongKey(String artist, String song) implements Comparable<SongKey> {

        static SongKey of(Map<String, AttributeValue> item) {
            return new SongKey(item.get("Artist").s(), item.get("Song").s());
        }

        Map<String, AttributeValue> toKey() {
            return Map.of("Artist", AttributeValue.fromS(artist), "Song", AttributeValue.fromS(song));
        }

        @Override
        public int compareTo(SongKey other) {
            int byArtist = artist.compareTo(other.artist);
            return byArtist != 0 ? byArtist : song.compareTo(other.song);
        }

        @Override
        public String toString() {
            return artist + "/" + song;
        }
    }

    /**
     * @param hash  the index's partition key, range its sort key (null: none)
     * @param included the non-key attributes projected (null: ALL; empty: KEYS_ONLY)
     */
    record IndexDefinition(String name, boolean local, String hash, String range, List<String> included) {

        /** The entry an item has in this index, or null (sparse: an item without an index key attribute has none). */
        Map<String, AttributeValue> entryOf(Map<String, AttributeValue> item) {
            if (!item.containsKey(hash) || (range != null && !item.containsKey(range))) {
                return null;
            }
            Map<String, AttributeValue> entry = new TreeMap<>();
            item.forEach((name, value) -> {
                if (included == null || name.equals("Artist") || name.equals("Song") || name.equals(hash)
                        || name.equals(range) || included.contains(name)) {
                    entry.put(name, value);
                }
            });
            return entry;
        }
    }

    static final IndexDefinition BY_YEAR = new IndexDefinition("ByYear", true, "Artist", "Year", List.of());
    static final IndexDefinition BY_GENRE = new IndexDefinition("ByGenre", false, "Genre", "Year", List.of("Album"));
    static final IndexDefinition BY_ALBUM = new IndexDefinition("ByAlbum", false, "Album", null, null);
    static final List<IndexDefinition> INDEXES = List.of(BY_YEAR, BY_GENRE, BY_ALBUM);

    static CreateTableRequest createTable(String tableName) {
        return CreateTableRequest.builder().tableName(tableName).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("Artist", ScalarAttributeType.S), def("Song", ScalarAttributeType.S),
                        def("Genre", ScalarAttributeType.S), def("Year", ScalarAttributeType.N), def("Album", ScalarAttributeType.S))
                .keySchema(key("Artist", KeyType.HASH), key("Song", KeyType.RANGE))
                .localSecondaryIndexes(l -> l.indexName("ByYear").keySchema(key("Artist", KeyType.HASH), key("Year", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                .globalSecondaryIndexes(
                        g -> g.indexName("ByGenre").keySchema(key("Genre", KeyType.HASH), key("Year", KeyType.RANGE))
                                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("Album").build()),
                        g -> g.indexName("ByAlbum").keySchema(key("Album", KeyType.HASH))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))
                .build();
    }

    /** Every item of the table, by key: a consistent, paged Scan. */
    static Map<SongKey, Map<String, AttributeValue>> tableItems(DynamoDbClient client, String table) {
        Map<SongKey, Map<String, AttributeValue>> items = new TreeMap<>();
        for (Map<String, AttributeValue> item : client.scanPaginator(r -> r.tableName(table).consistentRead(true).limit(173)).items()) {
            Map<String, AttributeValue> previous = items.put(SongKey.of(item), item);
            if (previous != null) {
                throw new AssertionError("table scan returned " + SongKey.of(item) + " twice");
            }
        }
        return items;
    }

    /** The index as the table says it must be: one entry per item that has the index's key attributes. */
    static Map<SongKey, Map<String, AttributeValue>> expected(Map<SongKey, Map<String, AttributeValue>> items, IndexDefinition index) {
        Map<SongKey, Map<String, AttributeValue>> entries = new TreeMap<>();
        items.forEach((key, item) -> {
            Map<String, AttributeValue> entry = index.entryOf(item);
            if (entry != null) {
                entries.put(key, entry);
            }
        });
        return entries;
    }

    /** The whole index by a paged Scan with IndexName (small pages, so that paging by index and table key is exercised). */
    static List<Map<String, AttributeValue>> scanIndex(DynamoDbClient client, String table, IndexDefinition index) {
        return client.scanPaginator(r -> r.tableName(table).indexName(index.name()).limit(97)).items().stream().toList();
    }

    /**
     * The whole index by one paged Query per partition key value the table holds (consistent for
     * the local index), each checked to come back in sort key order.
     */
    static List<Map<String, AttributeValue>> queryIndex(DynamoDbClient client, String table, IndexDefinition index,
                                                        Collection<Map<String, AttributeValue>> items) {
        Set<String> partitions = new TreeSet<>();
        items.forEach(item -> {
            if (item.containsKey(index.hash())) {
                partitions.add(item.get(index.hash()).s());
            }
        });
        List<Map<String, AttributeValue>> entries = new ArrayList<>();
        for (String partition : partitions) {
            QueryRequest request = QueryRequest.builder().tableName(table).indexName(index.name()).consistentRead(index.local())
                    .keyConditionExpression("#h = :h").expressionAttributeNames(Map.of("#h", index.hash()))
                    .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(partition))).limit(61).build();
            BigDecimal previous = null;
            for (Map<String, AttributeValue> entry : client.queryPaginator(request).items()) {
                if (index.range() != null) {
                    BigDecimal sortKey = new BigDecimal(entry.get(index.range()).n());
                    if (previous != null && previous.compareTo(sortKey) > 0) {
                        throw new AssertionError("Query of " + index.name() + " partition " + partition + " out of sort key order: "
                                + previous + " before " + sortKey);
                    }
                    previous = sortKey;
                }
                entries.add(entry);
            }
        }
        return entries;
    }

    /** How many entries the index holds, by Scan with Select COUNT. */
    static long countIndex(DynamoDbClient client, String table, IndexDefinition index) {
        long count = 0;
        for (var page : client.scanPaginator(r -> r.tableName(table).indexName(index.name()).select(Select.COUNT))) {
            count += page.count();
        }
        return count;
    }

    /**
     * What differs between the entries read from an index and the expected ones: entries missing,
     * extra (an item that has none, or no longer exists), different (stale key or projection), or
     * read twice. Empty when they are equal.
     */
    static List<String> differences(String how, Map<SongKey, Map<String, AttributeValue>> expected,
                                    List<Map<String, AttributeValue>> actual) {
        List<String> differences = new ArrayList<>();
        Map<SongKey, Map<String, AttributeValue>> read = new LinkedHashMap<>();
        for (Map<String, AttributeValue> entry : actual) {
            SongKey key = SongKey.of(entry);
            if (read.put(key, new TreeMap<>(entry)) != null) {
                differences.add(how + ": " + key + " read twice");
            }
        }
        expected.forEach((key, entry) -> {
            Map<String, AttributeValue> found = read.get(key);
            if (found == null) {
                differences.add(how + ": missing " + key + " " + entry);
            } else if (!found.equals(entry)) {
                differences.add(how + ": " + key + " is " + found + ", expected " + entry);
            }
        });
        read.forEach((key, entry) -> {
            if (!expected.containsKey(key)) {
                differences.add(how + ": extra " + key + " " + entry);
            }
        });
        return differences;
    }

    private static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
