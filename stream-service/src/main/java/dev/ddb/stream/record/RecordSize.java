package dev.ddb.stream.record;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/**
 * Sizes of items counted DynamoDB's way (attribute names plus values; numbers about one byte per
 * two significant digits plus one; containers three bytes plus one per element), for a stream
 * record's SizeBytes: the keys plus the images the view type keeps.
 */
final class RecordSize {

    private RecordSize() {
    }

    static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    private static long of(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return utf8(s.value());
        } else if (value instanceof AttributeValue.N n) {
            return number(n.value());
        } else if (value instanceof AttributeValue.B b) {
            return b.value().length;
        } else if (value instanceof AttributeValue.Bool || value instanceof AttributeValue.Null) {
            return 1;
        } else if (value instanceof AttributeValue.L l) {
            long size = 3;
            for (AttributeValue element : l.values()) {
                size += 1 + of(element);
            }
            return size;
        } else if (value instanceof AttributeValue.M m) {
            long size = 3;
            for (Map.Entry<String, AttributeValue> e : m.values().entrySet()) {
                size += 1 + utf8(e.getKey()) + of(e.getValue());
            }
            return size;
        } else if (value instanceof AttributeValue.SS ss) {
            return ss.values().stream().mapToLong(RecordSize::utf8).sum();
        } else if (value instanceof AttributeValue.NS ns) {
            return ns.values().stream().mapToLong(RecordSize::number).sum();
        } else if (value instanceof AttributeValue.BS bs) {
            return bs.values().stream().mapToLong(b -> b.length).sum();
        }
        throw new IllegalArgumentException(value.type());
    }

    private static long number(BigDecimal n) {
        return (n.precision() + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
