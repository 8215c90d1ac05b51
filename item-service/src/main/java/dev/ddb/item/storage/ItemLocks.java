package dev.ddb.item.storage;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes writes to one item (read old, decide, write new) so conditional writes and
 * increments are atomic per item. Striped: two keys may share a lock, which is only slower.
 */
public final class ItemLocks {

    private static final int STRIPES = 1024;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public ItemLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public ReentrantLock lockFor(String tableId, byte[] key) {
        int hash = 31 * tableId.hashCode() + Arrays.hashCode(key);
        return locks[Math.floorMod(hash ^ (hash >>> 16), STRIPES)];
    }
}
