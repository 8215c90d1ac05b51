package dev.ddb.backup.pitr;

import dev.ddb.common.error.DynamoDbException;

/** DynamoDB's errors of the point-in-time recovery operations. */
final class PitrErrors {

    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

    private PitrErrors() {
    }

    static DynamoDbException pointInTimeRecoveryUnavailable(String tableName) {
        return new DynamoDbException(DYNAMODB + "PointInTimeRecoveryUnavailableException",
                "Point in time recovery is not enabled for table '" + tableName + "'", 400);
    }

    static DynamoDbException invalidRestoreTime() {
        return new DynamoDbException(DYNAMODB + "InvalidRestoreTimeException",
                "Restore time must be between EarliestRestorableDateTime and LatestRestorableDateTime", 400);
    }

    static DynamoDbException continuousBackupsUnavailable(String message) {
        return new DynamoDbException(DYNAMODB + "ContinuousBackupsUnavailableException", message, 400);
    }
}
