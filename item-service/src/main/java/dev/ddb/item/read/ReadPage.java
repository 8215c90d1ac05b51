package dev.ddb.item.read;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.item.expression.Condition;
import dev.ddb.item.storage.StoredItem;

/**
 * One page of a Query or Scan, read as DynamoDB reads it: items are evaluated until {@code Limit}
 * items were evaluated or the data read reaches 1 MB (the item that reaches it is part of the
 * page); the filter applies after that, so a page may hold fewer items than it scanned. A read
 * that stops for either reason answers a LastEvaluatedKey, even when no item follows (DynamoDB
 * does not look ahead); one that runs out of items does not.
 */
public record ReadPage(List<Map<String, AttributeValue>> items, int scannedCount, Map<String, AttributeValue> lastEvaluatedKey,
                long bytesRead) {

    public static final int MAX_PAGE_BYTES = 1024 * 1024;

    /**
     * @param candidates items in read order
     * @param lastEvaluatedKey the key of the item a page stops at
     * @param include    which candidates belong to this read at all (a parallel scan's segment); null for all
     */
    public static ReadPage read(Iterator<StoredItem> candidates, Integer limit, Condition filter,
                                Predicate<Map<String, AttributeValue>> include,
                                Function<Map<String, AttributeValue>, Map<String, AttributeValue>> lastEvaluatedKey) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        int scanned = 0;
        long bytes = 0;
        while (candidates.hasNext()) {
            Map<String, AttributeValue> item = candidates.next().item();
            if (include != null && !include.test(item)) {
                continue;
            }
            scanned++;
            bytes += ItemSize.of(item);
            if (filter == null || filter.test(item)) {
                items.add(item);
            }
            if ((limit != null && scanned >= limit) || bytes >= MAX_PAGE_BYTES) {
                return new ReadPage(items, scanned, lastEvaluatedKey.apply(item), bytes);
            }
        }
        return new ReadPage(items, scanned, null, bytes);
    }
}
