package dev.ddb.item.capacity;

import dev.ddb.item.request.RequestParameters;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ReturnConsumedCapacity parameter. Read with the rest of the request, before anything is
 * written: an invalid value must not leave a write behind.
 */
public enum ReturnConsumedCapacity {
    INDEXES, TOTAL, NONE;

    public static ReturnConsumedCapacity of(ObjectNode request) {
        String value = RequestParameters.optionalString(request, "ReturnConsumedCapacity");
        return value == null ? NONE : valueOf(value);
    }

    public boolean wanted() {
        return this != NONE;
    }
}
