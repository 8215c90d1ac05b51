package dev.ddb.item.expression;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.key.UnsignedBytes;

/** The sort key part of a Query's key condition; {@code upper} is set only for BETWEEN. */
public record SortKeyCondition(Operator op, AttributeValue value, AttributeValue upper) {

    /** The operators DynamoDB allows on a sort key. */
    public enum Operator {
        EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH
    }

    public SortKeyCondition {
        if ((op == Operator.BETWEEN) != (upper != null)) {
            throw new IllegalArgumentException("BETWEEN, and only BETWEEN, has an upper bound");
        }
    }

    public static SortKeyCondition of(Operator op, AttributeValue value) {
        return new SortKeyCondition(op, value, null);
    }

    public static SortKeyCondition between(AttributeValue low, AttributeValue high) {
        return new SortKeyCondition(Operator.BETWEEN, low, high);
    }

    /** Whether an item's sort key value satisfies the condition. */
    public boolean test(AttributeValue sortKey) {
        if (op == Operator.BEGINS_WITH) {
            if (sortKey instanceof AttributeValue.S s && value instanceof AttributeValue.S prefix) {
                return s.value().startsWith(prefix.value());
            }
            return sortKey instanceof AttributeValue.B b && value instanceof AttributeValue.B prefix
                    && UnsignedBytes.startsWith(b.value(), prefix.value());
        }
        Integer order = AttributeValues.compare(sortKey, value);
        if (order == null) {
            return false;
        }
        return switch (op) {
            case EQ -> order == 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
            case BETWEEN -> {
                Integer toUpper = AttributeValues.compare(sortKey, upper);
                yield order >= 0 && toUpper != null && toUpper <= 0;
            }
            case BEGINS_WITH -> throw new IllegalStateException();
        };
    }
}
