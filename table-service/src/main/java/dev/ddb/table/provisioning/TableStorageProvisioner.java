package dev.ddb.table.provisioning;

import dev.ddb.common.table.TableDescription;

/** Has the data plane (item-service) create and drop the storage of a table. Calls block until it answers. */
public interface TableStorageProvisioner {

    /**
     * Creates storage for a new table, or brings item-service's copy of the table (its indexes) up
     * to date.
     *
     * @param table the table, TableId included
     * @throws TableStorageProvisioningException when the storage was not created
     */
    void provision(TableDescription table);

    /**
     * Drops the storage of a table; a table the data plane does not know counts as dropped.
     *
     * @throws TableStorageProvisioningException when the storage may still exist
     */
    void deprovision(String tableName);
}
