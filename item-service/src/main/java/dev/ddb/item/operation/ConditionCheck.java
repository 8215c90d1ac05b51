package dev.ddb.item.operation;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.item.expression.Condition;
import dev.ddb.item.request.RequestParameters;
import tools.jackson.databind.node.ObjectNode;

/** A write's condition and what to answer when it fails (ReturnValuesOnConditionCheckFailure). */
record ConditionCheck(Condition condition, boolean returnOldItemOnFailure) {

    static ConditionCheck of(Condition condition, ObjectNode request) {
        String onFailure = RequestParameters.optionalString(request, "ReturnValuesOnConditionCheckFailure");
        return new ConditionCheck(condition, "ALL_OLD".equals(onFailure));
    }

    /** Throws ConditionalCheckFailedException unless the condition holds for the current item. */
    void verify(Map<String, AttributeValue> current) {
        if (condition != null && !condition.test(current)) {
            DynamoDbException failed = DynamoDbException.conditionalCheckFailed("The conditional request failed");
            if (returnOldItemOnFailure && current != null) {
                failed.withMember("Item", AttributeValueJson.writeItem(current));
            }
            throw failed;
        }
    }
}
