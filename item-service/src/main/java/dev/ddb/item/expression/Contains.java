package dev.ddb.item.expression;

import java.nio.ByteBuffer;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/**
 * {@code contains(container, operand)}: a substring of a string, a byte sequence of a binary,
 * a member of a set of the operand's type, or an element of a list.
 */
public record Contains(Operand container, Operand operand) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        AttributeValue c = container.evaluate(item);
        AttributeValue o = operand.evaluate(item);
        if (c == null || o == null) {
            return false;
        }
        if (c instanceof AttributeValue.S s) {
            return o instanceof AttributeValue.S part && s.value().contains(part.value());
        }
        if (c instanceof AttributeValue.B b) {
            return o instanceof AttributeValue.B part && indexOf(b.value(), part.value()) >= 0;
        }
        if (c instanceof AttributeValue.L l) {
            return l.values().stream().anyMatch(element -> AttributeValues.equal(element, o));
        }
        if (isMemberType(c, o)) {
            return AttributeValues.members(c).contains(member(o));
        }
        return false;
    }

    private static boolean isMemberType(AttributeValue set, AttributeValue member) {
        return AttributeValues.isOrderable(member) && set.type().equals(member.type() + "S");
    }

    private static Object member(AttributeValue scalar) {
        if (scalar instanceof AttributeValue.S s) {
            return s.value();
        }
        if (scalar instanceof AttributeValue.N n) {
            return n.value();
        }
        return ByteBuffer.wrap(((AttributeValue.B) scalar).value());
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
