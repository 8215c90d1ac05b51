package dev.ddb.item.expression.legacy;

import static dev.ddb.item.expression.Values.validationError;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;

class ParameterMixingTest {

    private static JsonNode json(String text) {
        return Json.read(text.replace('\'', '"').getBytes());
    }

    @Test
    void expressionAndLegacyParametersDoNotMix() {
        assertThat(validationError(() -> ParameterMixing.PUT_ITEM.check(json("{'Expected':{},'ConditionExpression':'a = b'}"))))
                .isEqualTo("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
        assertThat(validationError(() -> ParameterMixing.UPDATE_ITEM.check(json(
                "{'AttributeUpdates':{},'Expected':{},'UpdateExpression':'SET a = b','ConditionExpression':'a = b'}"))))
                .isEqualTo("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributeUpdates, Expected} Expression parameters: {UpdateExpression, ConditionExpression}");
        assertThat(validationError(() -> ParameterMixing.GET_ITEM.check(json("{'AttributesToGet':['a'],'ProjectionExpression':'a'}"))))
                .isEqualTo("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
    }

    @Test
    void queryKeyConditionsMayGoWithAFilterExpression() {
        assertThatCode(() -> ParameterMixing.QUERY.check(json("{'KeyConditions':{},'FilterExpression':'a = b'}")))
                .doesNotThrowAnyException();
        assertThat(validationError(() -> ParameterMixing.QUERY.check(json("{'QueryFilter':{},'KeyConditionExpression':'a = :b'}"))))
                .isEqualTo("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {QueryFilter} Expression parameters: {KeyConditionExpression}");
    }

    @Test
    void attributeMapsNeedExpressions() {
        assertThat(validationError(() -> ParameterMixing.SCAN.check(json("{'ExpressionAttributeNames':{'#a':'a'}}"))))
                .isEqualTo("ExpressionAttributeNames can only be specified when using expressions");
        assertThat(validationError(() -> ParameterMixing.UPDATE_ITEM.check(json("{'ExpressionAttributeValues':{':a':{'S':'x'}}}"))))
                .isEqualTo("ExpressionAttributeValues can only be specified when using expressions: "
                        + "UpdateExpression and ConditionExpression are null");
        assertThat(validationError(() -> ParameterMixing.PUT_ITEM.check(json("{'ExpressionAttributeValues':{':a':{'S':'x'}}}"))))
                .isEqualTo("ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null");
        assertThat(validationError(() -> ParameterMixing.SCAN.check(json(
                "{'ProjectionExpression':'a','ExpressionAttributeValues':{':a':{'S':'x'}}}"))))
                .isEqualTo("ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null");
    }

    @Test
    void eitherKindAloneIsFine() {
        assertThatCode(() -> ParameterMixing.UPDATE_ITEM.check(json("{'AttributeUpdates':{},'Expected':{}}"))).doesNotThrowAnyException();
        assertThatCode(() -> ParameterMixing.UPDATE_ITEM.check(json(
                "{'UpdateExpression':'SET #a = :v','ExpressionAttributeNames':{'#a':'a'},'ExpressionAttributeValues':{':v':{'S':'x'}}}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> ParameterMixing.GET_ITEM.check(json("{'ProjectionExpression':'#a','ExpressionAttributeNames':{'#a':'a'}}")))
                .doesNotThrowAnyException();
    }
}
