package dev.ddb.item.write;

import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes writes to one item (read old, decide, write new) so conditional writes and
 * increments are atomic per item. Striped: two keys may share a lock, which is only slower. A
 * write set takes the locks of all its items in one fixed order (by stripe), so two write sets
 * never wait for each other in a circle.
 */
public final class ItemLocks {

    private static final int STRIPES = 1024;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public ItemLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The held locks of a write set; release them with {@link #close()}. */
    public final class Held implements AutoCloseable {
        private final int[] stripes;

        private Held(int[] stripes) {
            this.stripes = stripes;
        }

        @Override
        public void close() {
            for (int i = stripes.length - 1; i >= 0; i--) {
                locks[stripes[i]].unlock();
            }
        }
    }

    /** Locks every item of a write set, in stripe order. */
    public Held lockAll(Collection<Write> writes) {
        TreeSet<Integer> stripes = new TreeSet<>();
        for (Write write : writes) {
            stripes.add(stripe(write.table().tableId(), write.key()));
        }
        int[] ordered = stripes.stream().mapToInt(Integer::intValue).toArray();
        for (int stripe : ordered) {
            locks[stripe].lock();
        }
        return new Held(ordered);
    }

    /** Locks one item (an index backfill visiting it). */
    public Held lock(String tableId, byte[] key) {
        int stripe = stripe(tableId, key);
        locks[stripe].lock();
        return new Held(new int[] {stripe});
    }

    private static int stripe(String tableId, byte[] key) {
        int hash = 31 * tableId.hashCode() + Arrays.hashCode(key);
        return Math.floorMod(hash ^ (hash >>> 16), STRIPES);
    }
}
