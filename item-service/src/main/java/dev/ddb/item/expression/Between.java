package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** {@code value BETWEEN low AND high}, bounds included; false unless all three are of one orderable type. */
public record Between(Operand value, Operand low, Operand high) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        AttributeValue v = value.evaluate(item);
        Integer aboveLow = AttributeValues.compare(v, low.evaluate(item));
        Integer belowHigh = AttributeValues.compare(v, high.evaluate(item));
        return aboveLow != null && belowHigh != null && aboveLow >= 0 && belowHigh <= 0;
    }
}
