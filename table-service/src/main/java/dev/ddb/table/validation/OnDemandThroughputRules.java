package dev.ddb.table.validation;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.table.request.OnDemandMaximums;

/**
 * What DynamoDB accepts as OnDemandThroughput, of a table and of a global secondary index: only on
 * a PAY_PER_REQUEST table (a member given to a PROVISIONED one is refused, naming the member), each
 * maximum at least 1, and -1 to remove a maximum only in UpdateTable. DynamoDB's messages differ
 * between CreateTable and UpdateTable and between tables and indexes (also in spacing); they are
 * kept as DynamoDB words them.
 */
public final class OnDemandThroughputRules {

    private OnDemandThroughputRules() {
    }

    /** CreateTable's OnDemandThroughput; {} is accepted (it sets nothing). */
    public static void forNewTable(OnDemandMaximums maximums, boolean payPerRequest) {
        if (maximums == null) {
            return;
        }
        if (!payPerRequest) {
            if (maximums.firstMember() != null) {
                throw DynamoDbException.invalidParameter(maximums.firstMember()
                        + " for OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED.");
            }
            return;
        }
        tableRange(maximums, false);
    }

    /** UpdateTable's OnDemandThroughput, given the billing mode the request leaves the table in. */
    public static void forTableUpdate(OnDemandMaximums maximums, boolean payPerRequest) {
        if (maximums == null) {
            return;
        }
        notEmpty(maximums);
        if (!payPerRequest) {
            throw DynamoDbException.invalidParameter(maximums.firstMember()
                    + " for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED");
        }
        tableRange(maximums, true);
    }

    /** A global index of CreateTable, or one UpdateTable creates. */
    public static void forNewIndex(String indexName, OnDemandMaximums maximums, boolean payPerRequest) {
        if (maximums == null) {
            return;
        }
        if (!payPerRequest) {
            if (maximums.firstMember() != null) {
                throw provisionedIndex(indexName, maximums);
            }
            return;
        }
        indexRange(indexName, maximums, false);
    }

    /** The Update action of UpdateTable's GlobalSecondaryIndexUpdates. */
    public static void forIndexUpdate(String indexName, OnDemandMaximums maximums, boolean payPerRequest) {
        if (maximums == null) {
            return;
        }
        notEmpty(maximums);
        if (!payPerRequest) {
            throw provisionedIndex(indexName, maximums);
        }
        indexRange(indexName, maximums, true);
    }

    private static void tableRange(OnDemandMaximums maximums, boolean removalAllowed) {
        String member = maximums.memberOutOfRange(removalAllowed);
        if (member != null) {
            throw DynamoDbException.invalidParameter("Requested " + member
                    + " for OnDemandThroughput for table is outside of valid range");
        }
    }

    private static void indexRange(String indexName, OnDemandMaximums maximums, boolean removalAllowed) {
        String member = maximums.memberOutOfRange(removalAllowed);
        if (member != null) {
            throw DynamoDbException.invalidParameter("Requested " + member + " for OnDemandThroughput for index : "
                    + indexName + " is outside of valid range");
        }
    }

    private static DynamoDbException provisionedIndex(String indexName, OnDemandMaximums maximums) {
        return DynamoDbException.invalidParameter(maximums.firstMember() + " for OnDemandThroughput for index: " + indexName
                + " cannot be specified when table BillingMode is PROVISIONED.");
    }

    /**
     * An UpdateTable OnDemandThroughput without members. DynamoDB answers it with an HTTP 500
     * InternalFailure; this server refuses it as the API reference describes the structure ("you
     * must specify MaxReadRequestUnits, MaxWriteRequestUnits, or both").
     */
    private static void notEmpty(OnDemandMaximums maximums) {
        if (maximums.isEmpty()) {
            throw DynamoDbException.invalidParameter(
                    "OnDemandThroughput must specify MaxReadRequestUnits, MaxWriteRequestUnits, or both");
        }
    }
}
