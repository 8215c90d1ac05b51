package dev.ddb.gateway.access.request;

/**
 * The ARNs IAM names DynamoDB's resources by, in the requester's region and account:
 * {@code arn:aws:dynamodb:<region>:<account>:table/<name>} and {@code .../index/<index>} below it.
 * A TableName given as an ARN (DynamoDB accepts one) is that resource already.
 */
public record DynamoDbArns(String region, String accountId) {

    public String table(String tableName) {
        if (tableName != null && tableName.startsWith("arn:")) {
            return tableName;
        }
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + (tableName == null ? "" : tableName);
    }

    public String index(String tableName, String indexName) {
        return table(tableName) + "/index/" + indexName;
    }

    /** The table name within a TableName that may be an ARN ({@code ...:table/Books} is Books). */
    public static String tableName(String tableNameOrArn) {
        if (tableNameOrArn == null || !tableNameOrArn.startsWith("arn:")) {
            return tableNameOrArn;
        }
        int table = tableNameOrArn.indexOf(":table/");
        if (table < 0) {
            return tableNameOrArn;
        }
        String rest = tableNameOrArn.substring(table + ":table/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
