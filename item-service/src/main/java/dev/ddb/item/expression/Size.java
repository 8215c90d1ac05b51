package dev.ddb.item.expression;

import java.math.BigDecimal;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.ItemSize;

/**
 * {@code size(path)}: bytes of a string (UTF-8, as DynamoDB measures strings) or binary, members
 * of a set, elements of a list or map. Null for a missing attribute or a type without a size,
 * which makes any comparison with it false.
 */
public record Size(DocumentPath path) implements Operand {

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
        Integer size = sizeOf(path.resolve(item));
        return size == null ? null : new AttributeValue.N(BigDecimal.valueOf(size));
    }

    private static Integer sizeOf(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return ItemSize.utf8Length(s.value());
        }
        if (value instanceof AttributeValue.B b) {
            return b.value().length;
        }
        if (value instanceof AttributeValue.SS ss) {
            return ss.values().size();
        }
        if (value instanceof AttributeValue.NS ns) {
            return ns.values().size();
        }
        if (value instanceof AttributeValue.BS bs) {
            return bs.values().size();
        }
        if (value instanceof AttributeValue.L l) {
            return l.values().size();
        }
        if (value instanceof AttributeValue.M m) {
            return m.values().size();
        }
        return null;
    }
}
