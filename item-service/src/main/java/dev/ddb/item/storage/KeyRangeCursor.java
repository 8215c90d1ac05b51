package dev.ddb.item.storage;

import java.util.Iterator;
import java.util.NoSuchElementException;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.RootReference;

import dev.ddb.common.key.UnsignedBytes;

/** Walks the items (or index entries) of a key range, in one snapshot of the map, forward or backward, resuming strictly after an exclusive start key. */
final class KeyRangeCursor implements Iterator<StoredItem> {

    private final Cursor<byte[], byte[]> cursor;
    private final KeyRange range;
    private final boolean forward;
    private final byte[] exclusiveStart;
    private StoredItem next;
    private boolean done;

    KeyRangeCursor(MVMap<byte[], byte[]> map, RootReference<byte[], byte[]> root, KeyRange range, boolean forward, byte[] exclusiveStart) {
        this.range = range;
        this.forward = forward;
        this.exclusiveStart = exclusiveStart;
        byte[] from = forward ? range.forwardStart() : range.backwardStart();
        if (exclusiveStart != null && (from == null || (forward
                ? UnsignedBytes.compare(exclusiveStart, from) > 0
                : UnsignedBytes.compare(exclusiveStart, from) < 0))) {
            from = exclusiveStart;
        }
        this.cursor = map.cursor(root, from, null, !forward);
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            if (!cursor.hasNext()) {
                done = true;
                break;
            }
            byte[] key = cursor.next();
            if (notYetStarted(key)) {
                continue;
            }
            if (forward ? range.above(key) : range.below(key)) {
                done = true;
                break;
            }
            next = new StoredItem(key, ItemCodec.decode(cursor.getValue()));
        }
        return next != null;
    }

    private boolean notYetStarted(byte[] key) {
        if (forward ? range.below(key) : range.above(key)) {
            return true;
        }
        if (exclusiveStart == null) {
            return false;
        }
        int c = UnsignedBytes.compare(key, exclusiveStart);
        return forward ? c <= 0 : c >= 0;
    }

    @Override
    public StoredItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        StoredItem item = next;
        next = null;
        return item;
    }
}
