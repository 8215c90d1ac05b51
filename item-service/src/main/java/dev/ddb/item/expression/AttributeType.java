package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** {@code attribute_type(path, :type)}: the attribute exists and has the type named by a string (S, SS, N, ...). */
public record AttributeType(DocumentPath path, Operand type) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        AttributeValue value = path.resolve(item);
        return value != null && type.evaluate(item) instanceof AttributeValue.S name
                && value.type().equals(name.value());
    }
}
