package dev.ddb.item.expression.legacy;

import static dev.ddb.item.expression.Values.item;
import static dev.ddb.item.expression.Values.l;
import static dev.ddb.item.expression.Values.n;
import static dev.ddb.item.expression.Values.s;
import static dev.ddb.item.expression.Values.ss;
import static dev.ddb.item.expression.Values.validationError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.json.Json;
import dev.ddb.item.expression.And;
import dev.ddb.item.expression.AttributeNotExists;
import dev.ddb.item.expression.Comparator;
import dev.ddb.item.expression.Comparison;
import dev.ddb.item.expression.Condition;
import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.expression.Or;
import dev.ddb.item.expression.PathOperand;
import dev.ddb.item.expression.ValueOperand;
import tools.jackson.databind.JsonNode;

class LegacyConditionsTest {

    private static JsonNode json(String text) {
        return Json.read(text.replace('\'', '"').getBytes());
    }

    private static Condition expected(String json) {
        return LegacyConditions.fromExpected(json(json), null);
    }

    private static Condition filter(String attribute, String operator, String valueList) {
        return LegacyConditions.fromFilter(json("{'" + attribute + "':{'ComparisonOperator':'" + operator + "'"
                + (valueList == null ? "" : ",'AttributeValueList':" + valueList) + "}}"), null);
    }

    private static boolean test(Condition condition, Map<String, AttributeValue> item) {
        return condition.test(item);
    }

    @Test
    void valueMeansEqualsAndExistsFalseMeansAbsent() {
        assertThat(expected("{'a':{'Value':{'S':'x'}}}"))
                .isEqualTo(new Comparison(Comparator.EQ, new PathOperand(DocumentPath.of("a")), new ValueOperand(s("x"))));
        assertThat(expected("{'a':{'Value':{'S':'x'},'Exists':true}}")).isInstanceOf(Comparison.class);
        assertThat(expected("{'a':{'Exists':false}}")).isEqualTo(new AttributeNotExists(DocumentPath.of("a")));
    }

    @Test
    void severalExpectationsJoinWithTheConditionalOperator() {
        Condition and = expected("{'a':{'Exists':false},'b':{'Exists':false}}");
        assertThat(and).isInstanceOf(And.class);
        Condition or = LegacyConditions.fromExpected(json("{'a':{'Exists':false},'b':{'Exists':false}}"), "OR");
        assertThat(or).isInstanceOf(Or.class);
        assertThat(test(and, item("a", n("1")))).isFalse();
        assertThat(test(or, item("a", n("1")))).isTrue();
        assertThat(validationError(() -> LegacyConditions.fromExpected(json("{'a':{'Exists':false}}"), "XOR")))
                .isEqualTo("1 validation error detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [AND, OR]");
    }

    @Test
    void nothingToCheckIsNull() {
        assertThat(LegacyConditions.fromExpected(null, null)).isNull();
        assertThat(expected("{}")).isNull();
        assertThat(LegacyConditions.fromFilter(null, "AND")).isNull();
    }

    @Test
    void expectedRejectsInconsistentMembers() {
        assertThat(validationError(() -> expected("{'a':{'Value':{'S':'x'},'AttributeValueList':[{'S':'x'}],'ComparisonOperator':'EQ'}}")))
                .isEqualTo("One or more parameter values were invalid: Value and AttributeValueList cannot be used together for Attribute: a");
        assertThat(validationError(() -> expected("{'a':{'Exists':true,'ComparisonOperator':'NULL'}}")))
                .isEqualTo("One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together for Attribute: a");
        assertThat(validationError(() -> expected("{'a':{'ComparisonOperator':'EQ'}}")))
                .isEqualTo("One or more parameter values were invalid: Value or AttributeValueList must be used with "
                        + "ComparisonOperator: EQ for Attribute: a");
        assertThat(validationError(() -> expected("{'a':{'AttributeValueList':[{'S':'x'}]}}")))
                .isEqualTo("One or more parameter values were invalid: AttributeValueList can only be used with a "
                        + "ComparisonOperator for Attribute: a");
        assertThat(validationError(() -> expected("{'a':{}}")))
                .isEqualTo("One or more parameter values were invalid: Value must be provided when Exists is null for Attribute: a");
        assertThat(validationError(() -> expected("{'a':{'Exists':true}}")))
                .isEqualTo("One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a");
        assertThat(validationError(() -> expected("{'a':{'Exists':false,'Value':{'S':'x'}}}")))
                .isEqualTo("One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: a");
    }

    @Test
    void expectedTakesComparisonOperatorsWithValueOrList() {
        Condition withValue = expected("{'a':{'ComparisonOperator':'GT','Value':{'N':'1'}}}");
        assertThat(test(withValue, item("a", n("2")))).isTrue();
        Condition withList = expected("{'a':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'},{'N':'3'}]}}");
        assertThat(test(withList, item("a", n("3")))).isTrue();
        assertThat(test(expected("{'a':{'ComparisonOperator':'NOT_NULL'}}"), item("a", n("3")))).isTrue();
    }

    @Test
    void eachOperatorMeansWhatDynamoDbSays() {
        Map<String, AttributeValue> item = item("n", n("5"), "s", s("hello"), "set", ss("x", "y"), "l", l(n("1")));
        assertThat(test(filter("n", "EQ", "[{'N':'5'}]"), item)).isTrue();
        assertThat(test(filter("n", "NE", "[{'N':'5'}]"), item)).isFalse();
        assertThat(test(filter("q", "NE", "[{'N':'5'}]"), item)).isTrue();
        assertThat(test(filter("n", "LE", "[{'N':'5'}]"), item)).isTrue();
        assertThat(test(filter("n", "LT", "[{'N':'5'}]"), item)).isFalse();
        assertThat(test(filter("n", "GE", "[{'N':'5'}]"), item)).isTrue();
        assertThat(test(filter("n", "GT", "[{'N':'4'}]"), item)).isTrue();
        assertThat(test(filter("n", "NOT_NULL", null), item)).isTrue();
        assertThat(test(filter("q", "NULL", null), item)).isTrue();
        assertThat(test(filter("s", "CONTAINS", "[{'S':'ell'}]"), item)).isTrue();
        assertThat(test(filter("set", "CONTAINS", "[{'S':'x'}]"), item)).isTrue();
        assertThat(test(filter("s", "NOT_CONTAINS", "[{'S':'xyz'}]"), item)).isTrue();
        assertThat(test(filter("q", "NOT_CONTAINS", "[{'S':'xyz'}]"), item)).isFalse();
        assertThat(test(filter("s", "BEGINS_WITH", "[{'S':'he'}]"), item)).isTrue();
        assertThat(test(filter("n", "IN", "[{'N':'1'},{'N':'5'}]"), item)).isTrue();
        assertThat(test(filter("n", "BETWEEN", "[{'N':'5'},{'N':'6'}]"), item)).isTrue();
        assertThat(test(filter("l", "EQ", "[{'L':[{'N':'1'}]}]"), item)).isTrue();
    }

    @Test
    void operatorsCheckTheirArgumentCount() {
        assertThat(validationError(() -> filter("a", "EQ", "[]")))
                .isEqualTo("One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator");
        assertThat(validationError(() -> filter("a", "NULL", "[{'S':'x'}]")))
                .isEqualTo("One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator");
        assertThat(validationError(() -> filter("a", "BETWEEN", "[{'N':'1'}]")))
                .isEqualTo("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator");
        assertThat(validationError(() -> filter("a", "IN", "[]")))
                .isEqualTo("One or more parameter values were invalid: Invalid number of argument(s) for the IN ComparisonOperator");
    }

    @Test
    void operatorsCheckTheirArgumentTypes() {
        assertThat(validationError(() -> filter("a", "LT", "[{'SS':['x']}]")))
                .isEqualTo("One or more parameter values were invalid: ComparisonOperator LT is not valid for SS AttributeValue type");
        assertThat(validationError(() -> filter("a", "BEGINS_WITH", "[{'N':'1'}]")))
                .isEqualTo("One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
        assertThat(validationError(() -> filter("a", "IN", "[{'N':'1'},{'S':'x'}]")))
                .isEqualTo("One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type");
        assertThat(validationError(() -> filter("a", "BETWEEN", "[{'N':'5'},{'N':'1'}]")))
                .isEqualTo("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
    }

    @Test
    void unknownOrMissingOperatorsAreRejected() {
        assertThat(validationError(() -> filter("a", "LIKE", "[]"))).isEqualTo("1 validation error detected: Value 'LIKE' at "
                + "'scanFilter.a.member.comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        assertThat(validationError(() -> LegacyConditions.fromFilter(json("{'a':{}}"), null, "queryFilter")))
                .isEqualTo("1 validation error detected: Value null at 'queryFilter.a.member.comparisonOperator' failed "
                        + "to satisfy constraint: Member must not be null");
    }

    @Test
    void filtersJoinWithTheConditionalOperator() {
        Condition or = LegacyConditions.fromFilter(json("{'a':{'ComparisonOperator':'NULL'},'b':{'ComparisonOperator':'NULL'}}"), "OR");
        assertThat(or).isInstanceOf(Or.class);
        assertThat(test(or, item("a", n("1")))).isTrue();
    }
}
