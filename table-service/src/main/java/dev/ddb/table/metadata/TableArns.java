package dev.ddb.table.metadata;

/** ARNs of tables and indexes, in the account id DynamoDB Local uses. */
public final class TableArns {

    public static final String ACCOUNT_ID = "000000000000";

    private TableArns() {
    }

    public static String table(String region, String tableName) {
        return "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + tableName;
    }

    public static String index(String tableArn, String indexName) {
        return tableArn + "/index/" + indexName;
    }
}
