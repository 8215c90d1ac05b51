package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** A condition or filter: true or false for an item, never an error at evaluation time. */
public interface Condition {

    /** The item may be null, meaning there is no item; DynamoDB then evaluates as for an empty item. */
    boolean test(Map<String, AttributeValue> item);
}
