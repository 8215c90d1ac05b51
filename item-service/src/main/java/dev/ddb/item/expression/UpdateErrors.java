package dev.ddb.item.expression;

import dev.ddb.common.error.DynamoDbException;

/** The errors DynamoDB answers when an update cannot be applied to the item at hand. */
final class UpdateErrors {

    private UpdateErrors() {
    }

    static DynamoDbException missingAttribute() {
        return DynamoDbException.validation(
                "The provided expression refers to an attribute that does not exist in the item");
    }

    static DynamoDbException incorrectDataType() {
        return DynamoDbException.validation("An operand in the update expression has an incorrect data type");
    }

    static DynamoDbException invalidPath() {
        return DynamoDbException.validation("The document path provided in the update expression is invalid for update");
    }
}
