package dev.ddb.common.request;

/**
 * Valid Unicode as DynamoDB stores it: strings are UTF-8 on the wire and in storage, so a string
 * with an unpaired UTF-16 surrogate (which JSON's {@code \\u} escapes can express) has no UTF-8
 * form, and a body whose bytes are not well-formed UTF-8 (overlong forms, encoded surrogates,
 * code points above U+10FFFF, stray continuation bytes) is not a request at all.
 */
public final class Unicode {

    public static final String INVALID_MESSAGE = "Invalid UTF-8 or unpaired surrogate in the request payload";

    private Unicode() {
    }

    /** Whether every surrogate in the string is part of a high-low pair. */
    public static boolean isValid(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes are well-formed UTF-8 (RFC 3629), checked before JSON parsing, which is lenient. */
    public static boolean isWellFormedUtf8(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int min;
            int codePoint;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min = 0x80;
                codePoint = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min = 0x800;
                codePoint = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min = 0x10000;
                codePoint = b & 0x07;
            } else {
                return false; // a continuation byte, an overlong lead (C0, C1) or beyond U+10FFFF (F5..FF)
            }
            if (i + length > n) {
                return false;
            }
            for (int k = 1; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return false;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return false;
            }
            i += length;
        }
        return true;
    }
}
