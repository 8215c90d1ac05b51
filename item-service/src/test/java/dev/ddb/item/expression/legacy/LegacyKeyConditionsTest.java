package dev.ddb.item.expression.legacy;

import static dev.ddb.item.expression.Values.n;
import static dev.ddb.item.expression.Values.s;
import static dev.ddb.item.expression.Values.validationError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ddb.common.json.Json;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.item.expression.KeyCondition;
import dev.ddb.item.expression.SortKeyCondition;
import dev.ddb.item.expression.parse.KeyConditionTerms;
import tools.jackson.databind.JsonNode;

class LegacyKeyConditionsTest {

    private static final KeySchema SCHEMA = new KeySchema("p", ScalarAttributeType.S, "c", ScalarAttributeType.N);

    private static JsonNode json(String text) {
        return Json.read(text.replace('\'', '"').getBytes());
    }

    private static KeyCondition keyCondition(String json) {
        return LegacyConditions.keyCondition(json(json), SCHEMA);
    }

    @Test
    void partitionAndSortKeyConditions() {
        KeyCondition condition = keyCondition("{'p':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'x'}]},"
                + "'c':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'},{'N':'2'}]}}");
        assertThat(condition.partitionKey()).isEqualTo(s("x"));
        assertThat(condition.sortKeyCondition()).isEqualTo(SortKeyCondition.between(n("1"), n("2")));
        assertThat(keyCondition("{'p':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'x'}]}}").sortKey()).isEmpty();
    }

    @Test
    void keyConditionErrorsAreDynamoDbs() {
        assertThat(validationError(() -> keyCondition("{}"))).isEqualTo("Conditions can be of length 1 or 2 only");
        assertThat(validationError(() -> keyCondition("{'c':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'1'}]}}")))
                .isEqualTo("Query condition missed key schema element: p");
        assertThat(validationError(() -> keyCondition("{'p':{'ComparisonOperator':'GT','AttributeValueList':[{'S':'x'}]}}")))
                .isEqualTo("Query key condition not supported");
        assertThat(validationError(() -> keyCondition("{'p':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'x'}]},"
                + "'z':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'1'}]}}")))
                .isEqualTo("Query condition missed key schema element: c");
        assertThat(validationError(() -> keyCondition("{'p':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'x'}]},"
                + "'c':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'1'}]},"
                + "'z':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'1'}]}}")))
                .isEqualTo("Conditions can be of length 1 or 2 only");
        assertThat(validationError(() -> keyCondition("{'p':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'1'}]}}")))
                .isEqualTo("One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertThat(validationError(() -> keyCondition("{'p':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'x'}]},"
                + "'c':{'ComparisonOperator':'NE','AttributeValueList':[{'N':'1'}]}}")))
                .isEqualTo("Attempted conditional constraint is not an indexable operation");
    }

    @Test
    void aNonIndexableOperatorIsRejectedOnlyOnceTheKeySchemaSaysItIsOnAKey() {
        KeyConditionTerms onSortKey = LegacyConditions.keyConditionTerms(json(
                "{'p':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'x'}]},'c':{'ComparisonOperator':'NULL'}}"));
        assertThat(validationError(() -> onSortKey.resolve(SCHEMA)))
                .isEqualTo("Attempted conditional constraint is not an indexable operation");
        KeyConditionTerms elsewhere = LegacyConditions.keyConditionTerms(json("{'z':{'ComparisonOperator':'NULL'}}"));
        assertThat(validationError(() -> elsewhere.resolve(SCHEMA))).isEqualTo("Query condition missed key schema element: p");
    }
}
