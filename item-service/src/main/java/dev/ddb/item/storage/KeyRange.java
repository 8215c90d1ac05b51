package dev.ddb.item.storage;

import dev.ddb.common.key.UnsignedBytes;

/**
 * A contiguous range of encoded keys: all keys starting with {@code prefix} (empty: every key),
 * optionally bounded below and above. A Query's key condition is one of these; a Scan is all().
 */
public record KeyRange(byte[] prefix, byte[] low, boolean lowInclusive, byte[] high, boolean highInclusive) {

    private static final byte[] EMPTY = new byte[0];

    public static KeyRange all() {
        return new KeyRange(EMPTY, null, true, null, true);
    }

    public static KeyRange withPrefix(byte[] prefix) {
        return new KeyRange(prefix, null, true, null, true);
    }

    /** Sorts before the range. */
    boolean below(byte[] key) {
        if (UnsignedBytes.compare(key, prefix) < 0) {
            return true;
        }
        if (low == null) {
            return false;
        }
        int c = UnsignedBytes.compare(key, low);
        return c < 0 || (c == 0 && !lowInclusive);
    }

    /** Sorts after the range. */
    boolean above(byte[] key) {
        if (!UnsignedBytes.startsWith(key, prefix) && UnsignedBytes.compare(key, prefix) > 0) {
            return true;
        }
        if (high == null) {
            return false;
        }
        int c = UnsignedBytes.compare(key, high);
        return c > 0 || (c == 0 && !highInclusive);
    }

    /** Where a forward scan starts: the greatest of the lower bounds. */
    byte[] forwardStart() {
        return low != null && UnsignedBytes.compare(low, prefix) > 0 ? low : prefix;
    }

    /** Where a backward scan starts: the upper bound, or the first key after the prefix; null for the end. */
    byte[] backwardStart() {
        return high != null ? high : increment(prefix);
    }

    /** The first key after every key that starts with prefix; null when there is none. */
    public static byte[] prefixEnd(byte[] prefix) {
        return increment(prefix);
    }

    private static byte[] increment(byte[] prefix) {
        byte[] next = prefix.clone();
        for (int i = next.length - 1; i >= 0; i--) {
            if (next[i] != (byte) 0xFF) {
                next[i]++;
                return java.util.Arrays.copyOf(next, i + 1);
            }
        }
        return null; // empty or all 0xFF: no upper bound
    }
}
