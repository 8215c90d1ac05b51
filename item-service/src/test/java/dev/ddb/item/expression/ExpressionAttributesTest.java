package dev.ddb.item.expression;

import static dev.ddb.item.expression.Values.n;
import static dev.ddb.item.expression.Values.s;
import static dev.ddb.item.expression.Values.validationError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import tools.jackson.databind.node.ObjectNode;

class ExpressionAttributesTest {

    private static ObjectNode request(String json) {
        return Json.parseRequest(json.getBytes());
    }

    @Test
    void givenMapsMustNotBeEmpty() {
        assertThat(validationError(() -> new ExpressionAttributes(Map.of(), null)))
                .isEqualTo("ExpressionAttributeNames must not be empty");
        assertThat(validationError(() -> new ExpressionAttributes(null, Map.of())))
                .isEqualTo("ExpressionAttributeValues must not be empty");
    }

    @Test
    void keysMustBeReferences() {
        assertThat(validationError(() -> new ExpressionAttributes(Map.of("a", "b"), null)))
                .isEqualTo("ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
        assertThat(validationError(() -> new ExpressionAttributes(null, Map.of(":a-b", s("x")))))
                .isEqualTo("ExpressionAttributeValues contains invalid key: Syntax error; key: \":a-b\"");
    }

    @Test
    void aNameMustNotBeEmpty() {
        assertThat(validationError(() -> new ExpressionAttributes(Map.of("#a", ""), null)))
                .isEqualTo("ExpressionAttributeNames contains invalid value: Empty attribute name for key #a");
    }

    @Test
    void everyDefinedNameAndValueMustBeUsed() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("#a", "a");
        names.put("#b", "b");
        names.put("#c", "c");
        ExpressionAttributes attributes = new ExpressionAttributes(names, Map.of(":v", n("1"), ":w", n("2")));
        ExpressionParser.parseCondition("#a = :v", attributes, "ConditionExpression");
        assertThat(validationError(attributes::assertAllUsed))
                .isEqualTo("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b, #c}");
        ExpressionParser.parseUpdate("SET #b = :v, #c = :v", attributes);
        assertThat(validationError(attributes::assertAllUsed))
                .isEqualTo("Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}");
        ExpressionParser.parseProjection("#a", attributes);
        ExpressionParser.parseCondition("a = :w", attributes, "FilterExpression");
        assertThatCode(attributes::assertAllUsed).doesNotThrowAnyException();
    }

    @Test
    void noMapsMeansNothingToUse() {
        assertThatCode(ExpressionAttributes.none()::assertAllUsed).doesNotThrowAnyException();
        assertThat(ExpressionAttributes.none().name("#a")).isNull();
        assertThat(ExpressionAttributes.none().value(":a")).isNull();
    }

    @Test
    void readsBothMapsFromARequest() {
        ExpressionAttributes attributes = ExpressionAttributes.fromRequest(request(
                "{\"ExpressionAttributeNames\":{\"#s\":\"status\"},\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1.50\"}}}"), true);
        assertThat(attributes.name("#s")).isEqualTo("status");
        assertThat(attributes.value(":v")).isEqualTo(n("1.5"));
        assertThat(attributes.hasNames()).isTrue();
        assertThat(attributes.hasValues()).isTrue();
        ExpressionAttributes none = ExpressionAttributes.fromRequest(request("{\"ExpressionAttributeNames\":null}"), true);
        assertThat(none.hasNames()).isFalse();
        assertThat(none.hasValues()).isFalse();
    }

    @Test
    void invalidValuesInARequestNameTheirKey() {
        assertThat(validationError(() -> ExpressionAttributes.fromRequest(request(
                "{\"ExpressionAttributeValues\":{\":v\":{\"SS\":[]}}}"), true)))
                .isEqualTo("ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
                        + "An string set  may not be empty for key :v");
        assertThat(validationError(() -> ExpressionAttributes.fromRequest(request("{\"ExpressionAttributeValues\":{}}"), true)))
                .isEqualTo("ExpressionAttributeValues must not be empty");
    }

    @Test
    void malformedMapsAreSerializationErrors() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                ExpressionAttributes.fromRequest(request("{\"ExpressionAttributeNames\":{\"#a\":1}}"), true));
        assertThat(((DynamoDbException) thrown).code()).isEqualTo("SerializationException");
    }

    @Test
    void resolvedValuesAreTheRequestsValues() {
        AttributeValue value = s("x");
        assertThat(new ExpressionAttributes(null, Map.of(":v", value)).value(":v")).isSameAs(value);
    }
}
