package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** {@code attribute_not_exists(path)}; true for a missing item. */
public record AttributeNotExists(DocumentPath path) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        return path.resolve(item) == null;
    }
}
