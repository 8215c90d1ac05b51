package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** {@code SET path = value}: creates or replaces; the value's operands must exist. */
public record SetAction(DocumentPath path, Operand value) implements UpdateAction {

    @Override
    public AttributeValue newValue(Map<String, AttributeValue> item) {
        AttributeValue result = value.evaluate(item);
        if (result == null) {
            throw UpdateErrors.missingAttribute();
        }
        return result;
    }
}
