package dev.ddb.item.read;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.item.expression.Projection;
import dev.ddb.item.request.RequestParameters;
import tools.jackson.databind.node.ObjectNode;

/** The Select parameter of Query and Scan: which attributes come back, or only the count. */
public enum Select {
    ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES, SPECIFIC_ATTRIBUTES, COUNT;

    public static Select of(ObjectNode request, Projection projection, boolean onIndex) {
        String value = RequestParameters.optionalString(request, "Select");
        String projectionMember = request.has("AttributesToGet") ? "AttributesToGet" : "ProjectionExpression";
        if (value == null) {
            // DynamoDB's defaults: a table answers all attributes, an index what it projects.
            return projection != null ? SPECIFIC_ATTRIBUTES : onIndex ? ALL_PROJECTED_ATTRIBUTES : ALL_ATTRIBUTES;
        }
        Select select = valueOf(value);
        if (select == SPECIFIC_ATTRIBUTES && projection == null) {
            throw DynamoDbException.validation(
                    "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if ((select == ALL_ATTRIBUTES || select == COUNT || select == ALL_PROJECTED_ATTRIBUTES) && projection != null) {
            throw DynamoDbException.validation("Cannot specify the " + projectionMember + " when choosing to get " + select);
        }
        if (select == ALL_PROJECTED_ATTRIBUTES && !onIndex) {
            throw DynamoDbException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        return select;
    }
}
