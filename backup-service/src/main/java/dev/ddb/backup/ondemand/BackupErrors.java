package dev.ddb.backup.ondemand;

import dev.ddb.common.error.DynamoDbException;

/** DynamoDB's errors of the backup operations (types as the SDKs know them, messages as DynamoDB's). */
public final class BackupErrors {

    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

    private BackupErrors() {
    }

    public static DynamoDbException backupNotFound(String backupArn) {
        return new DynamoDbException(DYNAMODB + "BackupNotFoundException", "Backup not found: " + backupArn, 400);
    }

    public static DynamoDbException backupInUse(String message) {
        return new DynamoDbException(DYNAMODB + "BackupInUseException", message, 400);
    }

    public static DynamoDbException tableNotFound(String tableName) {
        return new DynamoDbException(DYNAMODB + "TableNotFoundException", "Table not found: " + tableName, 400);
    }

    public static DynamoDbException tableInUse(String message) {
        return new DynamoDbException(DYNAMODB + "TableInUseException", message, 400);
    }

    public static DynamoDbException tableAlreadyExists(String tableName) {
        return new DynamoDbException(DYNAMODB + "TableAlreadyExistsException", "Table already exists: " + tableName, 400);
    }
}
