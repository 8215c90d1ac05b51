package dev.ddb.table.metadata;

/** ARNs of tables and indexes: {@code arn:aws:dynamodb:<region>:<account>:table/<name>}. */
public final class TableArns {

    /** The account id DynamoDB Local uses, the default of {@code ddb.table.account-id}. */
    public static final String DEFAULT_ACCOUNT_ID = "000000000000";

    private TableArns() {
    }

    public static String table(String accountId, String region, String tableName) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName;
    }

    public static String index(String tableArn, String indexName) {
        return tableArn + "/index/" + indexName;
    }
}
