package dev.ddb.item.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** {@code list_append(list1, list2)}: both operands must be existing lists. */
public record ListAppend(Operand first, Operand second) implements Operand {

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
        List<AttributeValue> joined = new ArrayList<>(list(first.evaluate(item)));
        joined.addAll(list(second.evaluate(item)));
        return new AttributeValue.L(joined);
    }

    private static List<AttributeValue> list(AttributeValue value) {
        if (value == null) {
            throw UpdateErrors.missingAttribute();
        }
        if (!(value instanceof AttributeValue.L l)) {
            throw UpdateErrors.incorrectDataType();
        }
        return l.values();
    }
}
