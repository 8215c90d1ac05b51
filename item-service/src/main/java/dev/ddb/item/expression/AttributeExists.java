package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** {@code attribute_exists(path)}. */
public record AttributeExists(DocumentPath path) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        return path.resolve(item) != null;
    }
}
