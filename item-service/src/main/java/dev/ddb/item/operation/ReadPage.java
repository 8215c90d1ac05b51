package dev.ddb.item.operation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.table.KeySchema;
import dev.ddb.item.expression.Condition;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.storage.StoredItem;

/**
 * One page of a Query or Scan, read as DynamoDB reads it: up to {@code Limit} items evaluated or
 * 1 MB of items read, whichever comes first; the filter applies after that, so a page may hold
 * fewer items than it scanned. {@code lastEvaluatedKey} is set when more items may follow.
 */
record ReadPage(List<Map<String, AttributeValue>> items, int scannedCount, Map<String, AttributeValue> lastEvaluatedKey,
                long bytesRead) {

    static final int MAX_PAGE_BYTES = 1024 * 1024;

    /**
     * @param candidates items in read order
     * @param include    which candidates belong to this read at all (a parallel scan's segment); null for all
     */
    static ReadPage read(Iterator<StoredItem> candidates, Integer limit, Condition filter,
                         Predicate<Map<String, AttributeValue>> include, KeySchema keySchema) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        int scanned = 0;
        long bytes = 0;
        Map<String, AttributeValue> last = null;
        while (candidates.hasNext()) {
            Map<String, AttributeValue> item = candidates.next().item();
            if (include != null && !include.test(item)) {
                continue;
            }
            scanned++;
            bytes += ItemSize.of(item);
            last = item;
            if (filter == null || filter.test(item)) {
                items.add(item);
            }
            if ((limit != null && scanned >= limit) || bytes >= MAX_PAGE_BYTES) {
                boolean more = candidates.hasNext();
                return new ReadPage(items, scanned, more ? PrimaryKeys.attributesOf(keySchema, last) : null, bytes);
            }
        }
        return new ReadPage(items, scanned, null, bytes);
    }
}
