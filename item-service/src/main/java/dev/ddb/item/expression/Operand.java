package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** Something that yields a value from an item: a path, a literal, or a function of those. */
public interface Operand {

    /**
     * The value for this item (null meaning "no item", i.e. an empty one), or null when a path is
     * missing. Update functions throw DynamoDB's validation errors instead of answering null.
     */
    AttributeValue evaluate(Map<String, AttributeValue> item);
}
