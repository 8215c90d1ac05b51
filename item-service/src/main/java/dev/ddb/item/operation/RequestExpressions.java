package dev.ddb.item.operation;

import dev.ddb.item.expression.Condition;
import dev.ddb.item.expression.ExpressionAttributes;
import dev.ddb.item.expression.ExpressionParser;
import dev.ddb.item.expression.Projection;
import dev.ddb.item.expression.UpdateExpression;
import dev.ddb.item.expression.legacy.LegacyConditions;
import dev.ddb.item.expression.legacy.LegacyProjection;
import dev.ddb.item.expression.legacy.LegacyUpdates;
import dev.ddb.item.expression.legacy.ParameterMixing;
import dev.ddb.item.expression.parse.KeyConditionTerms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The expressions of one request, from the expression parameters or their legacy equivalents.
 * DynamoDB's mixing rules are checked first; ExpressionAttributeNames and Values are read with
 * the first expression (DynamoDB checks them there, after the request's other members), unused
 * ones are reported once all expressions are parsed. None of this needs the table.
 */
final class RequestExpressions {

    private final ObjectNode request;
    private final boolean withValues;
    private ExpressionAttributes attributes;

    private RequestExpressions(ObjectNode request, boolean withValues) {
        this.request = request;
        this.withValues = withValues;
    }

    static RequestExpressions of(ObjectNode request, ParameterMixing rules) {
        rules.check(request);
        return new RequestExpressions(request, rules.hasExpressionAttributeValues());
    }

    /** ConditionExpression, or Expected with ConditionalOperator; null when neither. */
    Condition condition() {
        String text = text("ConditionExpression");
        if (text != null) {
            return ExpressionParser.parseCondition(text, attributes(), "ConditionExpression");
        }
        JsonNode expected = member("Expected");
        return expected == null ? null : LegacyConditions.fromExpected(expected, text("ConditionalOperator"));
    }

    /** FilterExpression, or QueryFilter/ScanFilter with ConditionalOperator; null when neither. */
    Condition filter(String legacyMember) {
        String text = text("FilterExpression");
        if (text != null) {
            return ExpressionParser.parseCondition(text, attributes(), "FilterExpression");
        }
        JsonNode filter = member(legacyMember);
        return filter == null ? null : LegacyConditions.fromFilter(filter, text("ConditionalOperator"), legacyMember);
    }

    /** UpdateExpression or AttributeUpdates; null when neither. */
    UpdateExpression update() {
        String text = text("UpdateExpression");
        if (text != null) {
            return ExpressionParser.parseUpdate(text, attributes());
        }
        JsonNode updates = member("AttributeUpdates");
        return updates == null ? null : LegacyUpdates.fromAttributeUpdates(updates);
    }

    /** ProjectionExpression or AttributesToGet; null when neither (all attributes). */
    Projection projection() {
        String text = text("ProjectionExpression");
        if (text != null) {
            return ExpressionParser.parseProjection(text, attributes());
        }
        JsonNode attributesToGet = member("AttributesToGet");
        return attributesToGet == null ? null : LegacyProjection.fromAttributesToGet(attributesToGet);
    }

    /** KeyConditionExpression or KeyConditions, not yet matched to the key schema; null when neither. */
    KeyConditionTerms keyConditionTerms() {
        String text = text("KeyConditionExpression");
        if (text != null) {
            return ExpressionParser.parseKeyConditionTerms(text, attributes());
        }
        JsonNode keyConditions = member("KeyConditions");
        return keyConditions == null ? null : LegacyConditions.keyConditionTerms(keyConditions);
    }

    /** Call after parsing every expression of the request. */
    void assertAllUsed() {
        attributes().assertAllUsed();
    }

    private ExpressionAttributes attributes() {
        if (attributes == null) {
            attributes = ExpressionAttributes.fromRequest(request, withValues);
        }
        return attributes;
    }

    private String text(String member) {
        JsonNode node = member(member);
        return node == null ? null : node.asString();
    }

    private JsonNode member(String member) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? null : node;
    }
}
