package dev.ddb.item.index;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An index of the Music table as it must be: recomputed from a full scan of the table (sparse,
 * projected, ordered by index key then table key), and as it is: a full scan of the index.
 */
final class IndexContents {

    private IndexContents() {
    }

    /** @param hash the index's partition key, range its sort key (null for none), projected what INCLUDE adds (null: ALL) */
    record IndexDefinition(String name, String hash, String range, List<String> projected) {
    }

    static final IndexDefinition BY_YEAR = new IndexDefinition("ByYear", "Artist", "Year", List.of());
    static final IndexDefinition BY_GENRE = new IndexDefinition("ByGenre", "Genre", "Year", List.of("Album"));
    static final IndexDefinition BY_ALBUM = new IndexDefinition("ByAlbum", "Album", null, null);

    static List<Map<String, AttributeValue>> expected(DynamoDbClient client, String table, IndexDefinition index) {
        List<Map<String, AttributeValue>> entries = new ArrayList<>();
        for (Map<String, AttributeValue> item : client.scanPaginator(r -> r.tableName(table).consistentRead(true)).items()) {
            if (!item.containsKey(index.hash()) || (index.range() != null && !item.containsKey(index.range()))) {
                continue;
            }
            Map<String, AttributeValue> entry = new LinkedHashMap<>();
            item.forEach((name, value) -> {
                if (index.projected() == null || List.of("Artist", "Song", index.hash()).contains(name)
                        || name.equals(index.range()) || index.projected().contains(name)) {
                    entry.put(name, value);
                }
            });
            entries.add(entry);
        }
        Comparator<Map<String, AttributeValue>> order = Comparator.comparing((Map<String, AttributeValue> e) -> e.get(index.hash()), IndexContents::compare);
        if (index.range() != null) {
            order = order.thenComparing(e -> e.get(index.range()), IndexContents::compare);
        }
        order = order.thenComparing(e -> e.get("Artist"), IndexContents::compare).thenComparing(e -> e.get("Song"), IndexContents::compare);
        entries.sort(order);
        return entries;
    }

    static List<Map<String, AttributeValue>> actual(DynamoDbClient client, String table, IndexDefinition index) {
        return client.scanPaginator(r -> r.tableName(table).indexName(index.name()).limit(97)).items().stream().toList();
    }

    /** S by its characters (ASCII here: the same as by UTF-8 bytes), N by value. */
    private static int compare(AttributeValue a, AttributeValue b) {
        if (a.n() != null) {
            return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
        }
        return a.s().compareTo(b.s());
    }
}
