package dev.ddb.item.expression.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.item.expression.And;
import dev.ddb.item.expression.AttributeExists;
import dev.ddb.item.expression.AttributeNotExists;
import dev.ddb.item.expression.AttributeType;
import dev.ddb.item.expression.BeginsWith;
import dev.ddb.item.expression.Between;
import dev.ddb.item.expression.Comparator;
import dev.ddb.item.expression.Comparison;
import dev.ddb.item.expression.Condition;
import dev.ddb.item.expression.Contains;
import dev.ddb.item.expression.ExpressionAttributes;
import dev.ddb.item.expression.In;
import dev.ddb.item.expression.Not;
import dev.ddb.item.expression.Operand;
import dev.ddb.item.expression.Or;
import dev.ddb.item.expression.PathOperand;
import dev.ddb.item.expression.Size;
import dev.ddb.item.expression.SortKeyCondition;
import dev.ddb.item.expression.ValueOperand;

/**
 * A KeyConditionExpression: parsed with the condition grammar, then held to the shapes a Query
 * allows: {@code pk = :v} AND-ed with one of {@code sk op :v}, {@code sk BETWEEN :a AND :b},
 * {@code begins_with(sk, :v)}.
 */
public final class KeyConditionBuilder {

    private final List<KeyConditionTerms.Term> terms = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    private KeyConditionBuilder() {
    }

    /** The expression's conditions, checked as far as DynamoDB checks them before it looks at the table. */
    public static KeyConditionTerms parse(String text, ExpressionAttributes attributes) {
        Condition condition = ConditionBuilder.parse(text, attributes, "KeyConditionExpression");
        KeyConditionBuilder builder = new KeyConditionBuilder();
        builder.collect(condition);
        return new KeyConditionTerms(builder.terms, true);
    }

    private void collect(Condition condition) {
        if (condition instanceof And and) {
            collect(and.left());
            collect(and.right());
        } else if (condition instanceof Comparison comparison) {
            comparison(comparison);
        } else if (condition instanceof Between between) {
            between(between);
        } else if (condition instanceof BeginsWith beginsWith) {
            beginsWith(beginsWith);
        } else {
            throw invalidOperator(operatorName(condition));
        }
    }

    private static String operatorName(Condition condition) {
        if (condition instanceof Or) {
            return "OR";
        }
        if (condition instanceof Not) {
            return "NOT";
        }
        if (condition instanceof In) {
            return "IN";
        }
        if (condition instanceof AttributeExists) {
            return "attribute_exists";
        }
        if (condition instanceof AttributeNotExists) {
            return "attribute_not_exists";
        }
        if (condition instanceof AttributeType) {
            return "attribute_type";
        }
        if (condition instanceof Contains) {
            return "contains";
        }
        throw new IllegalStateException("unexpected condition " + condition);
    }

    private void comparison(Comparison comparison) {
        if (comparison.op() == Comparator.NE) {
            throw invalidOperator(comparison.op().symbol());
        }
        checkNotNested(comparison.left(), comparison.right());
        boolean keyOnLeft = comparison.left() instanceof PathOperand;
        if (keyOnLeft == comparison.right() instanceof PathOperand) {
            throw invalidCondition(keyOnLeft ? "Multiple attribute names used in one condition" : "No key attribute specified");
        }
        Comparator op = keyOnLeft ? comparison.op() : comparison.op().mirrored();
        Operand key = keyOnLeft ? comparison.left() : comparison.right();
        Operand value = keyOnLeft ? comparison.right() : comparison.left();
        add(key, SortKeyCondition.Operator.valueOf(op.name()), List.of(value));
    }

    private void between(Between between) {
        checkNotNested(between.value(), between.low(), between.high());
        if (!(between.value() instanceof PathOperand)) {
            throw invalidCondition("BETWEEN operator must have the key attribute as its first operand");
        }
        add(between.value(), SortKeyCondition.Operator.BETWEEN, List.of(between.low(), between.high()));
    }

    private void beginsWith(BeginsWith beginsWith) {
        checkNotNested(beginsWith.value(), beginsWith.prefix());
        if (!(beginsWith.value() instanceof PathOperand)) {
            throw invalidCondition("begins_with operator must have the key attribute as its first operand");
        }
        add(beginsWith.value(), SortKeyCondition.Operator.BEGINS_WITH, List.of(beginsWith.prefix()));
    }

    private void add(Operand key, SortKeyCondition.Operator op, List<Operand> operands) {
        List<AttributeValue> values = new ArrayList<>();
        for (Operand operand : operands) {
            if (!(operand instanceof ValueOperand value)) {
                throw invalidCondition("Multiple attribute names used in one condition");
            }
            values.add(value.value());
        }
        String attribute = ((PathOperand) key).path().topLevelName();
        if (!keys.add(attribute)) {
            throw DynamoDbException.validation("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
        }
        terms.add(new KeyConditionTerms.Term(attribute, op, values));
    }

    /** Keys are top-level attributes, compared directly: no size(), no nested paths. */
    private static void checkNotNested(Operand... operands) {
        for (Operand operand : operands) {
            if (operand instanceof Size) {
                throw DynamoDbException.validation("KeyConditionExpressions cannot contain nested operations");
            }
            if (operand instanceof PathOperand path && !path.path().isTopLevel()) {
                throw DynamoDbException.validation("KeyConditionExpressions cannot have conditions on nested attributes");
            }
        }
    }

    private static DynamoDbException invalidOperator(String operator) {
        return DynamoDbException.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private static DynamoDbException invalidCondition(String detail) {
        return DynamoDbException.validation("Invalid condition in KeyConditionExpression: " + detail);
    }
}
