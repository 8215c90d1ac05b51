package dev.ddb.item.expression.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.KeySchema;
import dev.ddb.item.expression.And;
import dev.ddb.item.expression.AttributeNotExists;
import dev.ddb.item.expression.Comparator;
import dev.ddb.item.expression.Comparison;
import dev.ddb.item.expression.Condition;
import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.KeyCondition;
import dev.ddb.item.expression.Or;
import dev.ddb.item.expression.PathOperand;
import dev.ddb.item.expression.SortKeyCondition;
import dev.ddb.item.expression.ValueOperand;
import dev.ddb.item.expression.parse.KeyConditionTerms;
import tools.jackson.databind.JsonNode;

/**
 * The legacy condition parameters, Expected, QueryFilter, ScanFilter and KeyConditions, as the
 * same ASTs the expressions produce.
 */
public final class LegacyConditions {

    private static final List<SortKeyCondition.Operator> KEY_OPERATORS = List.of(SortKeyCondition.Operator.values());

    private LegacyConditions() {
    }

    /**
     * Expected of PutItem, UpdateItem and DeleteItem: per attribute either Value/Exists or
     * ComparisonOperator/AttributeValueList. Null when there is nothing to check.
     */
    public static Condition fromExpected(JsonNode expected, String conditionalOperator) {
        if (LegacyParameters.isAbsent(expected)) {
            return null;
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : LegacyParameters.entries(expected)) {
            conditions.add(expectedCondition(entry.getKey(), entry.getValue()));
        }
        return combine(conditions, conditionalOperator);
    }

    private static Condition expectedCondition(String attribute, JsonNode condition) {
        JsonNode value = LegacyParameters.member(condition, "Value");
        JsonNode exists = LegacyParameters.member(condition, "Exists");
        JsonNode list = LegacyParameters.member(condition, "AttributeValueList");
        String operator = LegacyParameters.text(condition, "ComparisonOperator");
        if (list != null && value != null) {
            throw invalid("Value and AttributeValueList cannot be used together for Attribute: " + attribute);
        }
        if (operator != null) {
            if (exists != null) {
                throw invalid("Exists and ComparisonOperator cannot be used together for Attribute: " + attribute);
            }
            ComparisonOperator comparison = ComparisonOperator.parse(operator, "expected." + attribute + ".member.comparisonOperator");
            if (list == null && value == null && comparison != ComparisonOperator.NULL && comparison != ComparisonOperator.NOT_NULL) {
                throw invalid("Value or AttributeValueList must be used with ComparisonOperator: " + operator
                        + " for Attribute: " + attribute);
            }
            List<AttributeValue> values = list != null ? LegacyParameters.values(list)
                    : value != null ? List.of(AttributeValueJson.read(value)) : List.of();
            comparison.validate(values);
            return comparison.condition(attribute, values);
        }
        if (list != null) {
            throw invalid("AttributeValueList can only be used with a ComparisonOperator for Attribute: " + attribute);
        }
        return existence(attribute, value, exists);
    }

    /** Value alone means "equals"; Exists false means "does not exist". */
    private static Condition existence(String attribute, JsonNode value, JsonNode exists) {
        boolean mustExist = exists == null || exists.asBoolean();
        if (mustExist && value == null) {
            throw invalid("Value must be provided when Exists is " + (exists == null ? "null" : "true")
                    + " for Attribute: " + attribute);
        }
        if (!mustExist && value != null) {
            throw invalid("Value cannot be used when Exists is false for Attribute: " + attribute);
        }
        DocumentPath path = DocumentPath.of(attribute);
        return mustExist
                ? new Comparison(Comparator.EQ, new PathOperand(path), new ValueOperand(AttributeValueJson.read(value)))
                : new AttributeNotExists(path);
    }

    /** A ScanFilter; null when there is nothing to check. */
    public static Condition fromFilter(JsonNode filter, String conditionalOperator) {
        return fromFilter(filter, conditionalOperator, "scanFilter");
    }

    /** @param member "queryFilter" or "scanFilter", as named in validation errors */
    public static Condition fromFilter(JsonNode filter, String conditionalOperator, String member) {
        if (LegacyParameters.isAbsent(filter)) {
            return null;
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : LegacyParameters.entries(filter)) {
            String attribute = entry.getKey();
            ComparisonOperator operator = operator(entry.getValue(), member + "." + attribute);
            List<AttributeValue> values = attributeValueList(entry.getValue());
            operator.validate(values);
            conditions.add(operator.condition(attribute, values));
        }
        return combine(conditions, conditionalOperator);
    }

    /** KeyConditions of a Query, matched against the key schema of the table or index read. */
    public static KeyCondition keyCondition(JsonNode keyConditions, KeySchema keySchema) {
        return keyConditionTerms(keyConditions).resolve(keySchema);
    }

    /** KeyConditions of a Query as far as DynamoDB checks them before it looks at the table. */
    public static KeyConditionTerms keyConditionTerms(JsonNode keyConditions) {
        List<KeyConditionTerms.Term> terms = new ArrayList<>();
        if (!LegacyParameters.isAbsent(keyConditions)) {
            for (Map.Entry<String, JsonNode> entry : LegacyParameters.entries(keyConditions)) {
                ComparisonOperator operator = operator(entry.getValue(), "keyConditions." + entry.getKey());
                List<AttributeValue> values = attributeValueList(entry.getValue());
                operator.validate(values);
                terms.add(new KeyConditionTerms.Term(entry.getKey(), keyOperator(operator), values));
            }
        }
        return new KeyConditionTerms(terms, false);
    }

    /** Null for an operator that cannot read a key (see {@link KeyConditionTerms.Term}). */
    private static SortKeyCondition.Operator keyOperator(ComparisonOperator operator) {
        return KEY_OPERATORS.stream().filter(op -> op.name().equals(operator.name())).findFirst().orElse(null);
    }

    private static ComparisonOperator operator(JsonNode condition, String member) {
        return ComparisonOperator.parse(LegacyParameters.text(condition, "ComparisonOperator"),
                member + ".member.comparisonOperator");
    }

    private static List<AttributeValue> attributeValueList(JsonNode condition) {
        JsonNode list = LegacyParameters.member(condition, "AttributeValueList");
        return list == null ? List.of() : LegacyParameters.values(list);
    }

    /** The conditions joined by ConditionalOperator: AND (the default) or OR. */
    private static Condition combine(List<Condition> conditions, String conditionalOperator) {
        if (conditionalOperator != null && !conditionalOperator.equals("AND") && !conditionalOperator.equals("OR")) {
            throw LegacyParameters.notInEnum(conditionalOperator, "conditionalOperator", "[AND, OR]");
        }
        Condition combined = null;
        for (Condition condition : conditions) {
            combined = combined == null ? condition
                    : "OR".equals(conditionalOperator) ? new Or(combined, condition) : new And(combined, condition);
        }
        return combined;
    }

    private static DynamoDbException invalid(String detail) {
        return DynamoDbException.invalidParameter(detail);
    }
}
