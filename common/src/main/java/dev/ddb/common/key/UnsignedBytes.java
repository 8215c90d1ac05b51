package dev.ddb.common.key;

import java.util.Arrays;

/** Unsigned lexicographic comparison and prefix tests of encoded keys. */
public final class UnsignedBytes {

    private UnsignedBytes() {
    }

    public static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    public static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length
                && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
