package dev.ddb.item.expression;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** One action of an update: SET, REMOVE, ADD or DELETE on one document path. */
public sealed interface UpdateAction permits SetAction, RemoveAction, AddAction, DeleteAction {

    DocumentPath path();

    /**
     * The value this action leaves at its path, worked out from the item as it was before the
     * update (DynamoDB reads every operand before it writes anything); null removes the path.
     */
    AttributeValue newValue(Map<String, AttributeValue> item);
}
