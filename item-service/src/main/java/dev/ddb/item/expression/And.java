package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

public record And(Condition left, Condition right) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        return left.test(item) && right.test(item);
    }
}
