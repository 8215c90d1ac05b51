package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** {@code REMOVE path}: removing a missing attribute or list element is not an error. */
public record RemoveAction(DocumentPath path) implements UpdateAction {

    @Override
    public AttributeValue newValue(Map<String, AttributeValue> item) {
        return null;
    }
}
