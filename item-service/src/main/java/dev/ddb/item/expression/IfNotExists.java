package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** {@code if_not_exists(path, operand)}: the attribute's value when it exists, else the operand's. */
public record IfNotExists(DocumentPath path, Operand fallback) implements Operand {

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
        AttributeValue existing = path.resolve(item);
        return existing != null ? existing : fallback.evaluate(item);
    }
}
