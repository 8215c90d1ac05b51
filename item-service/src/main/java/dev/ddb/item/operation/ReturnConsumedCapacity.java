package dev.ddb.item.operation;

import tools.jackson.databind.node.ObjectNode;

/**
 * The ReturnConsumedCapacity parameter. Read with the rest of the request, before anything is
 * written: an invalid value must not leave a write behind.
 */
enum ReturnConsumedCapacity {
    INDEXES, TOTAL, NONE;

    static ReturnConsumedCapacity of(ObjectNode request) {
        String value = RequestParameters.optionalString(request, "ReturnConsumedCapacity");
        return value == null ? NONE : valueOf(value);
    }

    boolean wanted() {
        return this != NONE;
    }
}
