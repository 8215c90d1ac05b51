package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** SET's {@code operand + operand}. */
public record Plus(Operand left, Operand right) implements Operand {

    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
        return Arithmetic.result(Arithmetic.number(left, item).add(Arithmetic.number(right, item)));
    }
}
