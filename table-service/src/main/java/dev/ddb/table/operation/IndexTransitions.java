package dev.ddb.table.operation;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ddb.common.event.TableEvent;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.events.TableEventPublisher;
import dev.ddb.table.metadata.SecondaryIndexDescriptions;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.provisioning.IndexState;
import dev.ddb.table.provisioning.IndexStatusLookup;
import dev.ddb.table.provisioning.TableStorageProvisioner;

/**
 * Finishes index creations and deletions that item-service has finished: while a table has a
 * global index CREATING or DELETING, asks item-service how far it got, stores what changed and
 * announces it as UPDATED. Costs nothing for a table without an index in transition. If
 * item-service missed the change (table-service stopped between storing it and sending it), the
 * description is sent again. Never fails the caller: the stored state is answered when
 * item-service does not answer.
 */
@Component
public class IndexTransitions {

    private static final Logger LOG = LoggerFactory.getLogger(IndexTransitions.class);

    private final TableMetadataStore store;
    private final IndexStatusLookup lookup;
    private final TableStorageProvisioner provisioner;
    private final TableEventPublisher events;

    public IndexTransitions(TableMetadataStore store, IndexStatusLookup lookup, TableStorageProvisioner provisioner,
                            TableEventPublisher events) {
        this.store = store;
        this.lookup = lookup;
        this.provisioner = provisioner;
        this.events = events;
    }

    /**
     * The table as it stands once item-service's progress is applied; {@code table} is the stored description.
     *
     * @param tableName the table's key (see {@link dev.ddb.common.region.Regions#tableKey(String, String)})
     */
    public TableDescription settle(String tableName, TableDescription table) {
        if (table == null || !SecondaryIndexDescriptions.anyInTransition(table)) {
            return table;
        }
        List<IndexState> states;
        try {
            states = lookup.indexStates(tableName);
        } catch (RuntimeException e) {
            LOG.warn("Could not ask item-service about the indexes of table {}: {}", tableName, e.toString());
            return table;
        }
        ReportedIndexStates reported = new ReportedIndexStates(states);
        if (reported.missedAChange(table)) {
            sendAgain(table);
        }
        if (reported.applyTo(table).equals(table)) {
            return table;
        }
        String tableId = table.tableId();
        TableDescription settled = store.compute(tableName, current -> {
            // Applied to the current description: another request may have changed it meanwhile.
            if (current == null || !current.tableId().equals(tableId)) {
                return current;
            }
            return reported.applyTo(current);
        });
        if (settled != null && settled.tableId().equals(tableId)) {
            events.publish(new TableEvent(TableEvent.Type.UPDATED, settled.tableName(), tableId, System.currentTimeMillis(),
                    settled));
        }
        return settled;
    }

    private void sendAgain(TableDescription table) {
        try {
            provisioner.provision(table);
        } catch (RuntimeException e) {
            LOG.warn("Could not send the indexes of table {} to item-service again: {}",
                    table.tableName(), e.toString());
        }
    }
}
