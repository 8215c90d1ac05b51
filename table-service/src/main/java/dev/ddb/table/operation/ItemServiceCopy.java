package dev.ddb.table.operation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.provisioning.TableStorageProvisioner;

/**
 * Brings item-service's copy of a changed table (indexes, billing and throughput, Time to Live) up
 * to date before the change is answered, so the next item request already obeys it; the table
 * event that follows is for services that were not told. If item-service cannot be told, the
 * stored change is undone and the caller gets an error, as if it never happened.
 */
final class ItemServiceCopy {

    private static final Logger LOG = LoggerFactory.getLogger(ItemServiceCopy.class);

    private ItemServiceCopy() {
    }

    static void update(TableStorageProvisioner provisioner, TableMetadataStore store, String key,
                       TableDescription before, TableDescription updated) {
        try {
            provisioner.provision(updated);
        } catch (RuntimeException e) {
            LOG.error("Sending the change of table {} to item-service failed; the change is undone: {}", key, e.toString());
            store.compute(key, current -> updated.equals(current) ? before : current);
            throw DynamoDbException.internalServerError("Internal server error");
        }
    }
}
