package dev.ddb.item.write;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/**
 * What a write does to its item: the new item from the current one (null: none, or remove it).
 * Throwing a DynamoDbException (a failed condition) leaves the item unchanged.
 */
@FunctionalInterface
public interface ItemUpdate {

    Map<String, AttributeValue> apply(Map<String, AttributeValue> current);
}
