package dev.ddb.table.provisioning;

import java.util.List;

/**
 * Asks the data plane (item-service), which builds and drops index storage, how far it got with
 * a table's indexes. Calls block until it answers.
 */
public interface IndexStatusLookup {

    /**
     * The indexes item-service holds for the table; a dropped index is no longer listed, and a
     * table item-service does not know has none.
     *
     * @throws TableStorageProvisioningException when item-service did not answer
     */
    List<IndexState> indexStates(String tableName);
}
