package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** A literal from ExpressionAttributeValues (or a legacy parameter). */
public record ValueOperand(AttributeValue value) implements Operand {

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
        return value;
    }
}
