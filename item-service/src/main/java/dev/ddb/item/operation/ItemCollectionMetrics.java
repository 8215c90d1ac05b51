package dev.ddb.item.operation;

import java.util.Iterator;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.json.Json;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.common.table.SecondaryIndex;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.request.RequestParameters;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.storage.KeyRange;
import dev.ddb.item.storage.StoredItem;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ReturnItemCollectionMetrics: SIZE on a table with local secondary indexes answers the size of
 * the written item's collection (its partition's items and their local index entries) as
 * DynamoDB does, a range of whole gigabytes around the estimate.
 */
final class ItemCollectionMetrics {

    private static final double GIGABYTE = 1024d * 1024 * 1024;

    private ItemCollectionMetrics() {
    }

    static boolean wanted(ObjectNode request) {
        return "SIZE".equals(RequestParameters.optionalString(request, "ReturnItemCollectionMetrics"));
    }

    /** Null when the table has no local secondary index: DynamoDB then answers none. */
    static ObjectNode of(ItemStore store, TableDescription table, Map<String, AttributeValue> keys) {
        if (!table.hasLocalIndexes()) {
            return null;
        }
        AttributeValue partitionKey = keys.get(table.keySchema().hashKey());
        KeyRange partition = KeyRange.withPrefix(KeyEncoding.partitionPrefix(partitionKey));
        var snapshot = store.snapshot(table);
        long bytes = sum(snapshot.range(partition, true, null));
        for (SecondaryIndex index : table.secondaryIndexes()) {
            if (!index.global()) {
                bytes += sum(snapshot.indexRange(index.indexName(), partition, true, null));
            }
        }
        double gigabytes = bytes / GIGABYTE;
        ObjectNode metrics = Json.object();
        metrics.putObject("ItemCollectionKey").set(table.keySchema().hashKey(), AttributeValueJson.write(partitionKey));
        ArrayNode range = metrics.putArray("SizeEstimateRangeGB");
        range.add(Math.floor(gigabytes));
        range.add(Math.floor(gigabytes) + 1);
        return metrics;
    }

    private static long sum(Iterator<StoredItem> items) {
        long bytes = 0;
        while (items.hasNext()) {
            bytes += ItemSize.of(items.next().item());
        }
        return bytes;
    }
}
