package dev.ddb.item.expression.legacy;

import java.util.List;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.item.expression.And;
import dev.ddb.item.expression.AttributeExists;
import dev.ddb.item.expression.AttributeNotExists;
import dev.ddb.item.expression.AttributeValues;
import dev.ddb.item.expression.BeginsWith;
import dev.ddb.item.expression.Between;
import dev.ddb.item.expression.Comparator;
import dev.ddb.item.expression.Comparison;
import dev.ddb.item.expression.Condition;
import dev.ddb.item.expression.Contains;
import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.In;
import dev.ddb.item.expression.Not;
import dev.ddb.item.expression.Operand;
import dev.ddb.item.expression.PathOperand;
import dev.ddb.item.expression.ValueOperand;

/**
 * The legacy ComparisonOperator of Expected, QueryFilter, ScanFilter and KeyConditions: how many
 * values each takes, of which types, and the condition it means.
 */
enum ComparisonOperator {
    EQ(1, 1, Types.ANY),
    NE(1, 1, Types.ANY),
    LE(1, 1, Types.SCALARS),
    LT(1, 1, Types.SCALARS),
    GE(1, 1, Types.SCALARS),
    GT(1, 1, Types.SCALARS),
    NOT_NULL(0, 0, List.of()),
    NULL(0, 0, List.of()),
    CONTAINS(1, 1, Types.SCALARS),
    NOT_CONTAINS(1, 1, Types.SCALARS),
    BEGINS_WITH(1, 1, List.of("S", "B")),
    IN(1, Integer.MAX_VALUE, Types.SCALARS),
    BETWEEN(2, 2, Types.SCALARS);

    /** The enum as DynamoDB lists it in its validation message. */
    static final String ALLOWED = "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]";

    private final int minValues;
    private final int maxValues;
    private final List<String> valueTypes;

    ComparisonOperator(int minValues, int maxValues, List<String> valueTypes) {
        this.minValues = minValues;
        this.maxValues = maxValues;
        this.valueTypes = valueTypes;
    }

    /** @param member where the operator sits, for the error, e.g. "scanFilter.a.member.comparisonOperator" */
    static ComparisonOperator parse(String name, String member) {
        for (ComparisonOperator operator : values()) {
            if (operator.name().equals(name)) {
                return operator;
            }
        }
        if (name == null) {
            throw DynamoDbException.validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        throw LegacyParameters.notInEnum(name, member, ALLOWED);
    }

    /** DynamoDB's checks of an AttributeValueList against this operator. */
    void validate(List<AttributeValue> values) {
        if (values.size() < minValues || values.size() > maxValues) {
            throw DynamoDbException.invalidParameter("Invalid number of argument(s) for the " + name() + " ComparisonOperator");
        }
        if (values.stream().map(AttributeValue::type).distinct().count() > 1) {
            throw DynamoDbException.invalidParameter("AttributeValues inside AttributeValueList must be of same type");
        }
        for (AttributeValue value : values) {
            if (!valueTypes.contains(value.type())) {
                throw DynamoDbException.invalidParameter("ComparisonOperator " + name() + " is not valid for "
                        + value.type() + " AttributeValue type");
            }
        }
        if (this == BETWEEN && AttributeValues.compare(values.get(0), values.get(1)) > 0) {
            throw DynamoDbException.validation(
                    "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    /** The condition on a top-level attribute; the values were validated. */
    Condition condition(String attribute, List<AttributeValue> values) {
        DocumentPath path = DocumentPath.of(attribute);
        Operand target = new PathOperand(path);
        List<Operand> operands = values.stream().<Operand>map(ValueOperand::new).toList();
        return switch (this) {
            case EQ, NE, LE, LT, GE, GT -> new Comparison(Comparator.valueOf(name()), target, operands.get(0));
            case NOT_NULL -> new AttributeExists(path);
            case NULL -> new AttributeNotExists(path);
            case CONTAINS -> new Contains(target, operands.get(0));
            // NOT_CONTAINS holds only for an attribute that exists
            case NOT_CONTAINS -> new And(new AttributeExists(path), new Not(new Contains(target, operands.get(0))));
            case BEGINS_WITH -> new BeginsWith(target, operands.get(0));
            case IN -> new In(target, operands);
            case BETWEEN -> new Between(target, operands.get(0), operands.get(1));
        };
    }

    private static final class Types {
        static final List<String> SCALARS = List.of("S", "N", "B");
        /** EQ and NE work on every type, lists and maps included. */
        static final List<String> ANY = List.of("S", "N", "B", "SS", "NS", "BS", "BOOL", "NULL", "L", "M");
    }
}
