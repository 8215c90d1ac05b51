package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.key.UnsignedBytes;

/** {@code begins_with(value, prefix)} for two strings or two binaries; false for anything else. */
public record BeginsWith(Operand value, Operand prefix) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        AttributeValue v = value.evaluate(item);
        AttributeValue p = prefix.evaluate(item);
        if (v instanceof AttributeValue.S s && p instanceof AttributeValue.S start) {
            return s.value().startsWith(start.value());
        }
        if (v instanceof AttributeValue.B b && p instanceof AttributeValue.B start) {
            return UnsignedBytes.startsWith(b.value(), start.value());
        }
        return false;
    }
}
