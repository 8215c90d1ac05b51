package dev.ddb.common.attribute;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An item's size counted DynamoDB's way: attribute names plus values, numbers about one byte per
 * two significant digits plus one, containers three bytes plus one per element.
 */
public final class ItemSize {

    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    public static int of(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    public static int of(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return utf8Length(s.value());
        } else if (value instanceof AttributeValue.N n) {
            return number(n.value());
        } else if (value instanceof AttributeValue.B b) {
            return b.value().length;
        } else if (value instanceof AttributeValue.Bool || value instanceof AttributeValue.Null) {
            return 1;
        } else if (value instanceof AttributeValue.L l) {
            int size = 3;
            for (AttributeValue v : l.values()) {
                size += 1 + of(v);
            }
            return size;
        } else if (value instanceof AttributeValue.M m) {
            int size = 3;
            for (Map.Entry<String, AttributeValue> e : m.values().entrySet()) {
                size += 1 + utf8Length(e.getKey()) + of(e.getValue());
            }
            return size;
        } else if (value instanceof AttributeValue.SS ss) {
            return ss.values().stream().mapToInt(ItemSize::utf8Length).sum();
        } else if (value instanceof AttributeValue.NS ns) {
            return ns.values().stream().mapToInt(ItemSize::number).sum();
        } else if (value instanceof AttributeValue.BS bs) {
            return bs.values().stream().mapToInt(b -> b.length).sum();
        }
        throw new IllegalArgumentException(value.type());
    }

    private static int number(BigDecimal n) {
        return (n.precision() + 1) / 2 + 1;
    }

    /** The length of s in UTF-8, counted without encoding it (every write sizes its item and its key). */
    public static int utf8Length(String s) {
        int bytes = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2; // two chars, four bytes
                i++;
            } else if (!Character.isSurrogate(c)) {
                bytes += 2;
            } // a lone surrogate is written as '?', one byte
        }
        return bytes;
    }
}
