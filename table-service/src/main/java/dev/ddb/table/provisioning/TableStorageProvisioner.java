package dev.ddb.table.provisioning;

import tools.jackson.databind.JsonNode;

/** Has the data plane (item-service) create and drop the storage of a table. Calls block until it answers. */
public interface TableStorageProvisioner {

    /**
     * Creates storage for a new table.
     *
     * @param tableDescription the table's TableDescription, TableId included
     * @throws TableStorageProvisioningException when the storage was not created
     */
    void provision(JsonNode tableDescription);

    /**
     * Drops the storage of a table; a table the data plane does not know counts as dropped.
     *
     * @throws TableStorageProvisioningException when the storage may still exist
     */
    void deprovision(String tableName);
}
