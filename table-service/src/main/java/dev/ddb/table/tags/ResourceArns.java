package dev.ddb.table.tags;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableStatus;
import dev.ddb.table.metadata.TableMetadataStore;

/**
 * The resource of a tagging operation: a table, named by its ARN
 * {@code arn:aws:dynamodb:<region>:<account>:table/<name>}. DynamoDB tags tables only, so any
 * other text (an index's or a stream's ARN among them) is an invalid ResourceArn, a
 * ValidationException; a table ARN of another region or account, or of a table that does not
 * exist (or is being deleted), is not found, a ResourceNotFoundException.
 */
public final class ResourceArns {

    private static final Pattern TABLE_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):(\\d{12}):table/([a-zA-Z0-9_.-]{3,255})");

    private ResourceArns() {
    }

    /** The table the ARN names, with its table key. */
    public record Resource(String arn, String tableName, String tableKey, TableDescription table) {
    }

    /**
     * The existing table {@code arn} names in the request's region and this service's account.
     *
     * @throws DynamoDbException ValidationException for no table ARN, ResourceNotFoundException for no such table
     */
    public static Resource find(String arn, RequestContext context, String accountId, TableMetadataStore store) {
        Matcher matcher = TABLE_ARN.matcher(arn == null ? "" : arn);
        if (!matcher.matches()) {
            throw DynamoDbException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        String tableName = matcher.group(3);
        String key = context.tableKey(tableName);
        if (!matcher.group(1).equals(context.region()) || !matcher.group(2).equals(accountId)) {
            throw notFound(arn);
        }
        TableDescription table = store.find(key).orElse(null);
        if (table == null || table.tableStatus() == TableStatus.DELETING) {
            throw notFound(arn);
        }
        return new Resource(arn, tableName, key, table);
    }

    /** DynamoDB's message, its spelling ("ResourcArn") included. */
    public static DynamoDbException notFound(String arn) {
        return DynamoDbException.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
    }
}
