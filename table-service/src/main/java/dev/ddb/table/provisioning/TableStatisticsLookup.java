package dev.ddb.table.provisioning;

import java.util.Optional;

/** Asks item-service, which holds the items, for a table's DescribeTable statistics. Calls block until it answers. */
@FunctionalInterface
public interface TableStatisticsLookup {

    /**
     * The table's statistics; empty when item-service does not hold the table.
     *
     * @throws TableStorageProvisioningException when item-service did not answer
     */
    Optional<TableStatistics> statistics(String tableKey);
}
