package dev.ddb.backup.export;

import dev.ddb.common.error.DynamoDbException;

/** DynamoDB's errors of the export and import operations. */
public final class TransferErrors {

    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

    private TransferErrors() {
    }

    static DynamoDbException pointInTimeRecoveryUnavailable(String tableName) {
        return new DynamoDbException(DYNAMODB + "PointInTimeRecoveryUnavailableException",
                "Point in time recovery is not enabled for table '" + tableName + "'", 400);
    }

    static DynamoDbException invalidExportTime(String message) {
        return new DynamoDbException(DYNAMODB + "InvalidExportTimeException", message, 400);
    }

    static DynamoDbException exportNotFound(String arn) {
        return new DynamoDbException(DYNAMODB + "ExportNotFoundException", "Export not found: " + arn, 400);
    }

    static DynamoDbException exportConflict() {
        return new DynamoDbException(DYNAMODB + "ExportConflictException",
                "Export with the same ClientToken but different parameters already exists", 400);
    }

    public static DynamoDbException importNotFound(String arn) {
        return new DynamoDbException(DYNAMODB + "ImportNotFoundException", "Import not found: " + arn, 400);
    }

    public static DynamoDbException importConflict() {
        return new DynamoDbException(DYNAMODB + "ImportConflictException",
                "Import with the same ClientToken but different parameters already exists", 400);
    }

    /** Seconds since the epoch with milliseconds, as DynamoDB's JSON protocol writes timestamps. */
    public static java.math.BigDecimal seconds(long millis) {
        return java.math.BigDecimal.valueOf(millis, 3);
    }
}
