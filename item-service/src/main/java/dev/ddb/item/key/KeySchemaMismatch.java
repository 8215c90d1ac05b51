package dev.ddb.item.key;

import dev.ddb.common.error.DynamoDbException;

/**
 * A key whose attributes do not fit the table's key schema: missing, extra or of another type.
 * A ValidationException like any other, except inside a transaction, where DynamoDB cancels the
 * transaction with a ValidationError reason for that action instead (an empty key value, by contrast,
 * is refused for the whole request).
 */
public final class KeySchemaMismatch extends DynamoDbException {

    KeySchemaMismatch(String message) {
        super(VALIDATION_EXCEPTION, message, 400);
    }
}
