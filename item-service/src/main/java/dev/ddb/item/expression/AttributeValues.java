package dev.ddb.item.expression;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.key.UnsignedBytes;

/** How DynamoDB compares attribute values in expressions. */
public final class AttributeValues {

    private AttributeValues() {
    }

    /**
     * Equality as {@code =} sees it: values of different types are never equal, numbers compare
     * by value and sets ignore member order, also when nested in lists and maps.
     */
    public static boolean equal(AttributeValue a, AttributeValue b) {
        if (a == null || b == null || !a.type().equals(b.type())) {
            return false;
        }
        if (a instanceof AttributeValue.L l) {
            return listsEqual(l.values(), ((AttributeValue.L) b).values());
        }
        if (a instanceof AttributeValue.M m) {
            return mapsEqual(m.values(), ((AttributeValue.M) b).values());
        }
        if (a instanceof AttributeValue.SS || a instanceof AttributeValue.NS || a instanceof AttributeValue.BS) {
            return members(a).equals(members(b));
        }
        return a.equals(b);
    }

    private static boolean listsEqual(List<AttributeValue> a, List<AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean mapsEqual(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> entry : a.entrySet()) {
            if (!equal(entry.getValue(), b.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The members of a set as comparable objects (binary members wrapped so they compare by content). */
    static Set<Object> members(AttributeValue set) {
        if (set instanceof AttributeValue.SS ss) {
            return new HashSet<>(ss.values());
        }
        if (set instanceof AttributeValue.NS ns) {
            return new HashSet<>(ns.values());
        }
        Set<Object> members = new HashSet<>();
        for (byte[] member : ((AttributeValue.BS) set).values()) {
            members.add(ByteBuffer.wrap(member));
        }
        return members;
    }

    /** Only strings, numbers and binaries have an order. */
    public static boolean isOrderable(AttributeValue value) {
        return value instanceof AttributeValue.S || value instanceof AttributeValue.N || value instanceof AttributeValue.B;
    }

    /**
     * The order of two values of the same orderable type: numbers by value, strings by their
     * UTF-8 bytes, binaries by unsigned bytes. Null when the two cannot be ordered.
     */
    public static Integer compare(AttributeValue a, AttributeValue b) {
        if (!isOrderable(a) || !isOrderable(b) || !a.type().equals(b.type())) {
            return null;
        }
        if (a instanceof AttributeValue.N n) {
            return n.value().compareTo(((AttributeValue.N) b).value());
        }
        if (a instanceof AttributeValue.S s) {
            return UnsignedBytes.compare(utf8(s.value()), utf8(((AttributeValue.S) b).value()));
        }
        return UnsignedBytes.compare(((AttributeValue.B) a).value(), ((AttributeValue.B) b).value());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
