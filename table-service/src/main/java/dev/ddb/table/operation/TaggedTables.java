package dev.ddb.table.operation;

import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableStatus;
import dev.ddb.table.TableServiceProperties;
import dev.ddb.table.metadata.TableArns;
import dev.ddb.table.tags.ResourceArns;

/** What the tagging operations share: the account in table ARNs, and which tables take tag changes. */
final class TaggedTables {

    private TaggedTables() {
    }

    static String accountId(TableServiceProperties properties) {
        String accountId = properties.accountId();
        return accountId == null || accountId.isBlank() ? TableArns.DEFAULT_ACCOUNT_ID : accountId;
    }

    /** The table is still there (not deleted meanwhile) and ACTIVE. */
    static void requireTaggable(String arn, String tableName, TableDescription current) {
        if (current == null || current.tableStatus() == TableStatus.DELETING) {
            throw ResourceArns.notFound(arn);
        }
        ActiveTables.requireActive(tableName, current);
    }
}
