package dev.ddb.item.operation;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.item.request.RequestParameters;
import tools.jackson.databind.node.ObjectNode;

/** The ReturnValues parameter: which image of the item a write answers with. */
enum ReturnValues {
    NONE, ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW;

    static ReturnValues of(ObjectNode request) {
        String value = RequestParameters.optionalString(request, "ReturnValues");
        return value == null ? NONE : valueOf(value);
    }

    /** PutItem and DeleteItem only know the whole old item. */
    static ReturnValues ofPutOrDelete(ObjectNode request) {
        ReturnValues value = of(request);
        if (value != NONE && value != ALL_OLD) {
            throw DynamoDbException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return value;
    }
}
