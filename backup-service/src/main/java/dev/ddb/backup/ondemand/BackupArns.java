package dev.ddb.backup.ondemand;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backup ARNs as DynamoDB writes them:
 * {@code arn:aws:dynamodb:<region>:<account>:table/<TableName>/backup/<epoch millis, 14 digits>-<8 hex>}
 * (e.g. {@code .../backup/01576616366715-b4e58d3a}); the part after {@code backup/} is the backup's id here.
 */
public final class BackupArns {

    private static final Pattern TABLE_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):(\\d{12}):table/([a-zA-Z0-9_.-]{3,255})");

    private BackupArns() {
    }

    public static String newBackupId(long epochMillis) {
        return String.format("%014d-%08x", epochMillis, ThreadLocalRandom.current().nextInt());
    }

    public static String backupArn(String accountId, String region, String tableName, String backupId) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName + "/backup/" + backupId;
    }

    /** A table ARN's region and table name, or null when {@code value} is no table ARN. */
    public static String[] regionAndTable(String value) {
        Matcher matcher = TABLE_ARN.matcher(value);
        return matcher.matches() ? new String[] {matcher.group(1), matcher.group(3)} : null;
    }
}
