package dev.ddb.item.ttl;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjIntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ddb.common.table.TableDescription;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.storage.KeyRange;
import dev.ddb.item.storage.StoredItem;
import dev.ddb.item.write.Write;
import dev.ddb.item.write.WritePath;
import dev.ddb.item.write.WriteSet;

/**
 * Deletes expired items of the tables with Time to Live enabled, in the background. Each pass looks
 * at a bounded number of items (resuming where the last pass stopped, table by table, in key
 * order) and deletes the expired ones through the one write path, in batches: their index entries
 * go with them and each gets one REMOVE change record whose userIdentity is DynamoDB's service
 * principal. A delete is conditional on the item still being expired under its lock, so an update
 * that extended or removed its expiry meanwhile wins. Until its pass comes, an expired item is
 * still read, as in DynamoDB.
 */
public final class ExpirySweeper implements AutoCloseable {

    /** The principal DynamoDB records on TTL deletes ({@code userIdentity.PrincipalId}, Type "Service"). */
    public static final String PRINCIPAL = "dynamodb.amazonaws.com";

    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);
    private static final int BATCH = 25;

    private final ItemStore store;
    private final WritePath writes;
    private final int itemsPerPass;
    private final Clock clock;
    /** Where the next pass resumes in each table (by table id): the last key looked at. */
    private final Map<String, byte[]> resumeAfter = new HashMap<>();
    private final AtomicLong deleted = new AtomicLong();
    /** Told how many expired items each pass deleted from a table (TimeToLiveDeletedItemCount). */
    private volatile ObjIntConsumer<TableDescription> onDeleted = (table, count) -> { };
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ttl-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    public ExpirySweeper(ItemStore store, WritePath writes, int itemsPerPass, Clock clock) {
        this.store = store;
        this.writes = writes;
        this.itemsPerPass = Math.max(1, itemsPerPass);
        this.clock = clock;
    }

    public void start(Duration interval) {
        long millis = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.warn("A Time to Live pass failed; the next one retries: {}", e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Tells {@code listener} how many expired items a pass deleted from each table (metrics). */
    public void onDeleted(ObjIntConsumer<TableDescription> listener) {
        this.onDeleted = listener;
    }

    /** Items deleted so far. */
    public long deleted() {
        return deleted.get();
    }

    /** One pass: looks at up to itemsPerPass items and deletes the expired ones. Returns how many it deleted. */
    public synchronized int sweep() {
        int budget = itemsPerPass;
        int removed = 0;
        List<String> live = new ArrayList<>();
        for (TableDescription table : store.schemas()) {
            live.add(table.tableId());
            String attribute = table.timeToLiveAttribute();
            if (attribute == null || budget <= 0) {
                continue;
            }
            long now = clock.millis();
            List<byte[]> expired = new ArrayList<>();
            byte[] last = null;
            Iterator<StoredItem> items = store.range(table, KeyRange.all(), true, resumeAfter.get(table.tableId()));
            while (budget > 0 && items.hasNext()) {
                StoredItem item = items.next();
                budget--;
                last = item.key();
                if (ExpiredItems.expired(item.item(), attribute, now)) {
                    expired.add(item.key());
                }
            }
            if (items.hasNext()) {
                resumeAfter.put(table.tableId(), last);
            } else {
                resumeAfter.remove(table.tableId());
            }
            int tableRemoved = delete(table, attribute, expired);
            if (tableRemoved > 0) {
                onDeleted.accept(table, tableRemoved);
            }
            removed += tableRemoved;
        }
        resumeAfter.keySet().retainAll(live);
        deleted.addAndGet(removed);
        return removed;
    }

    /** Deletes those of the keys whose items are still expired; returns how many it deleted. */
    int delete(TableDescription table, String attribute, List<byte[]> keys) {
        int removed = 0;
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<Write> batch = new ArrayList<>();
            for (byte[] key : keys.subList(from, Math.min(keys.size(), from + BATCH))) {
                batch.add(new Write(table, key, current -> {
                    // Under the item's lock: only if it is still expired now (an update may have extended it).
                    return ExpiredItems.expired(current, attribute, clock.millis()) ? null : current;
                }, PRINCIPAL));
            }
            removed += (int) writes.apply(WriteSet.independent(batch)).stream()
                    .filter(outcome -> !outcome.failed() && outcome.written().oldItem() != null
                            && outcome.written().newItem() == null)
                    .count();
        }
        return removed;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
