package dev.ddb.table.request;

/**
 * Tables are named by name or, where DynamoDB's API model allows it (every table operation but
 * CreateTable), by ARN; the request validator has checked either form's constraints.
 */
public final class TableNames {

    private static final String TABLE = ":table/";

    private TableNames() {
    }

    /** The table name a TableName member gives: itself, or the name part of a table ARN. */
    public static String of(String nameOrArn) {
        if (nameOrArn == null || !nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        int start = nameOrArn.indexOf(TABLE);
        if (start < 0) {
            return nameOrArn;
        }
        int end = nameOrArn.indexOf('/', start + TABLE.length());
        return nameOrArn.substring(start + TABLE.length(), end < 0 ? nameOrArn.length() : end);
    }
}
