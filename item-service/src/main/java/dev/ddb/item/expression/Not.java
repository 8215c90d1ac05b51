package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

public record Not(Condition condition) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        return !condition.test(item);
    }
}
