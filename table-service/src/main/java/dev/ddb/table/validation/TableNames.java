package dev.ddb.table.validation;

import java.util.regex.Pattern;

import dev.ddb.common.error.DynamoDbException;

/** The rules DynamoDB applies to table and index names. */
public final class TableNames {

    public static final Pattern PATTERN = Pattern.compile("[a-zA-Z0-9_.-]+");
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 255;

    private TableNames() {
    }

    /**
     * DynamoDB checks presence and length of TableName before any other member, each with a
     * message of its own rather than the "N validation errors detected" list.
     */
    public static void requireValidLength(String tableName) {
        if (tableName == null) {
            throw DynamoDbException.validation("The parameter 'TableName' is required but was not present in the request");
        }
        if (tableName.length() < MIN_LENGTH || tableName.length() > MAX_LENGTH) {
            throw DynamoDbException.validation("TableName must be at least " + MIN_LENGTH
                    + " characters long and at most " + MAX_LENGTH + " characters long");
        }
    }

    /** The member constraints of a name (an index name, ExclusiveStartTableName): pattern, then length. */
    public static void check(ConstraintViolations violations, String path, String name) {
        violations.pattern(path, name, PATTERN);
        violations.length(path, name, MIN_LENGTH, MAX_LENGTH);
    }

    /** TableName of DescribeTable and DeleteTable: its own checks, then its pattern. */
    public static void validateTableName(String tableName) {
        requireValidLength(tableName);
        ConstraintViolations violations = new ConstraintViolations();
        violations.pattern("tableName", tableName, PATTERN);
        violations.throwIfAny();
    }
}
