package dev.ddb.item.expression.parse;

import java.util.List;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.item.expression.KeyCondition;
import dev.ddb.item.expression.SortKeyCondition;

/**
 * Matches a Query's key conditions (from KeyConditionExpression or the legacy KeyConditions)
 * against the key schema: an equality on the partition key, at most one condition on the sort key.
 */
public final class KeyConditionTerms {

    /** One condition on one attribute; BETWEEN has two values, the others one. */
    public record Term(String attribute, SortKeyCondition.Operator op, List<AttributeValue> values) {
        public Term {
            values = List.copyOf(values);
        }
    }

    private KeyConditionTerms() {
    }

    public static KeyCondition resolve(List<Term> terms, KeySchema schema) {
        if (terms.isEmpty() || terms.size() > 2) {
            throw DynamoDbException.validation("Conditions can be of length 1 or 2 only");
        }
        Term hash = terms.stream().filter(t -> t.attribute().equals(schema.hashKey())).findFirst()
                .orElseThrow(() -> missedKeyElement(schema.hashKey()));
        if (hash.op() != SortKeyCondition.Operator.EQ) {
            throw DynamoDbException.validation("Query key condition not supported");
        }
        Term range = terms.stream().filter(t -> t != hash).findFirst().orElse(null);
        if (range != null && !range.attribute().equals(schema.rangeKey())) {
            throw schema.hasRangeKey() ? missedKeyElement(schema.rangeKey())
                    : DynamoDbException.validation("Query key condition not supported");
        }
        checkTypes(hash, schema.hashKeyType());
        if (range == null) {
            return new KeyCondition(schema, hash.values().get(0), null);
        }
        checkTypes(range, schema.rangeKeyType());
        AttributeValue upper = range.op() == SortKeyCondition.Operator.BETWEEN ? range.values().get(1) : null;
        return new KeyCondition(schema, hash.values().get(0), new SortKeyCondition(range.op(), range.values().get(0), upper));
    }

    private static DynamoDbException missedKeyElement(String attribute) {
        return DynamoDbException.validation("Query condition missed key schema element: " + attribute);
    }

    private static void checkTypes(Term term, ScalarAttributeType keyType) {
        for (AttributeValue value : term.values()) {
            if (!value.type().equals(keyType.name())) {
                throw DynamoDbException.invalidParameter("Condition parameter type does not match schema type");
            }
        }
    }
}
