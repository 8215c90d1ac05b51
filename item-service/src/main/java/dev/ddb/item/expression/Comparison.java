package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/**
 * {@code left op right}. A missing operand makes every comparison false except {@code <>}, which is
 * then true; {@code = <>} work on every type, the order comparators only on S, N and B of one type.
 */
public record Comparison(Comparator op, Operand left, Operand right) implements Condition {

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        AttributeValue a = left.evaluate(item);
        AttributeValue b = right.evaluate(item);
        return switch (op) {
            case EQ -> AttributeValues.equal(a, b);
            case NE -> !AttributeValues.equal(a, b);
            default -> ordered(AttributeValues.compare(a, b));
        };
    }

    private boolean ordered(Integer order) {
        if (order == null) {
            return false;
        }
        return switch (op) {
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
            default -> throw new IllegalStateException(op.name());
        };
    }
}
