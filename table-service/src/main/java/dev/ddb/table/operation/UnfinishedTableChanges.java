package dev.ddb.table.operation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.ddb.common.event.TableEvent;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableStatus;
import dev.ddb.table.events.TableEventPublisher;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.provisioning.TableStorageProvisioner;

/**
 * At startup, before requests are served, settles tables whose CreateTable or DeleteTable was cut
 * short by a crash: the caller got no success, so a CREATING table is rolled back and a DELETING
 * one finished. item-service is asked to drop their storage at once (if it is up; otherwise it
 * does so from the event), and both are announced as DELETED, so every service forgets them.
 * A table a restore is loading is left CREATING: backup-service, which runs the restore, finishes
 * or abandons it when it starts.
 */
@Component
public class UnfinishedTableChanges implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedTableChanges.class);

    private final TableMetadataStore store;
    private final TableEventPublisher events;
    private final TableStorageProvisioner provisioner;

    public UnfinishedTableChanges(TableMetadataStore store, TableEventPublisher events, TableStorageProvisioner provisioner) {
        this.store = store;
        this.events = events;
        this.provisioner = provisioner;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (TableDescription table : store.all()) {
            TableStatus status = table.tableStatus();
            if (status == TableStatus.ACTIVE) {
                continue;
            }
            if (status == TableStatus.CREATING && table.restoreInProgress()) {
                continue; // backup-service resumes the restore, or abandons it (RestoredTables)
            }
            String tableName = table.tableName();
            LOG.warn("Table {} was left {} by an interrupted request; removing it", tableName, status);
            String key = Regions.tableKey(table);
            try {
                provisioner.deprovision(key);
            } catch (RuntimeException e) {
                LOG.info("item-service not reached ({}); it drops table {} from the DELETED event", e.getMessage(), tableName);
            }
            store.compute(key, current -> null);
            events.publish(new TableEvent(TableEvent.Type.DELETED, tableName, table.tableId(),
                    System.currentTimeMillis(), table.withStatus(TableStatus.DELETING)));
        }
    }
}
