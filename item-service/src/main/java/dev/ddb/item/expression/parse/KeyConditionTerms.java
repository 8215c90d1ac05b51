package dev.ddb.item.expression.parse;

import java.util.List;
import java.util.function.Consumer;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.item.expression.KeyCondition;
import dev.ddb.item.expression.SortKeyCondition;
import dev.ddb.item.key.PrimaryKeys;

/**
 * A Query's key conditions (from KeyConditionExpression or the legacy KeyConditions) as parsed,
 * before the table is known; {@link #resolve} then matches them against the key schema: an
 * equality on the partition key, at most one condition on the sort key.
 */
public record KeyConditionTerms(List<Term> terms, boolean expression) {

    /**
     * One condition on one attribute; BETWEEN has two values, the others one. A null op is a
     * legacy operator no key can be read by (NULL, NE, IN, ...): DynamoDB rejects it only once it
     * knows the condition is on a key.
     */
    public record Term(String attribute, SortKeyCondition.Operator op, List<AttributeValue> values) {
        public Term {
            values = List.copyOf(values);
        }
    }

    /**
     * Checked without the table, as DynamoDB does, except for too many conditions in a
     * KeyConditionExpression, whose message names the number of key attributes: {@link #resolve}.
     *
     * @param expression from a KeyConditionExpression, not the legacy KeyConditions
     */
    public KeyConditionTerms {
        terms = List.copyOf(terms);
        if (terms.isEmpty() || (!expression && terms.size() > 2)) {
            throw DynamoDbException.validation("Conditions can be of length 1 or 2 only");
        }
    }

    public KeyCondition resolve(KeySchema schema) {
        return resolve(schema, attribute -> { });
    }

    /**
     * @param beforeEachKey DynamoDB checks a Query key attribute by attribute (partition key, then
     *                      sort key), the ExclusiveStartKey's value of an attribute before its
     *                      condition: this runs those checks at their place
     */
    public KeyCondition resolve(KeySchema schema, Consumer<String> beforeEachKey) {
        if (terms.size() > 2) {
            throw DynamoDbException.validation("The number of query conditions (" + terms.size()
                    + ") exceeds the number of key attributes defined in the schema (" + schema.keyCount() + ")");
        }
        beforeEachKey.accept(schema.hashKey());
        Term hash = keyTerm(schema, schema.hashKey(), schema.hashKeyType(), true);
        Term range = null;
        if (schema.hasRangeKey()) {
            beforeEachKey.accept(schema.rangeKey());
            range = keyTerm(schema, schema.rangeKey(), schema.rangeKeyType(), false);
        }
        if (range == null) {
            return new KeyCondition(schema, hash.values().get(0), null);
        }
        AttributeValue upper = range.op() == SortKeyCondition.Operator.BETWEEN ? range.values().get(1) : null;
        return new KeyCondition(schema, hash.values().get(0), new SortKeyCondition(range.op(), range.values().get(0), upper));
    }

    /** The condition on one key attribute; null for a sort key without one. */
    private Term keyTerm(KeySchema schema, String attribute, ScalarAttributeType type, boolean partitionKey) {
        if (partitionKey && !schema.hasRangeKey() && terms.size() > 1) {
            throw notSupported();
        }
        Term term = terms.stream().filter(t -> t.attribute().equals(attribute)).findFirst().orElse(null);
        if (term == null) {
            if (partitionKey || terms.size() > 1) {
                throw DynamoDbException.validation("Query condition missed key schema element: " + attribute);
            }
            return null;
        }
        if (term.op() == null) {
            throw DynamoDbException.validation("Attempted conditional constraint is not an indexable operation");
        }
        for (AttributeValue value : term.values()) {
            if (!PrimaryKeys.hasType(value, type)) {
                throw DynamoDbException.invalidParameter("Condition parameter type does not match schema type");
            }
        }
        if (partitionKey && term.op() != SortKeyCondition.Operator.EQ) {
            throw notSupported();
        }
        for (AttributeValue value : term.values()) {
            if (partitionKey) {
                PrimaryKeys.checkPartitionKeySize(value);
            } else {
                PrimaryKeys.checkSortKeySize(value);
            }
        }
        return term;
    }

    private static DynamoDbException notSupported() {
        return DynamoDbException.validation("Query key condition not supported");
    }
}
