package dev.ddb.table.operation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.ddb.common.event.TableEvent;
import dev.ddb.table.events.TableEventPublisher;
import dev.ddb.table.metadata.TableDescriptions;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.metadata.TableStatus;
import tools.jackson.databind.node.ObjectNode;

/**
 * At startup, before requests are served, settles tables whose CreateTable or DeleteTable was cut
 * short by a crash: the caller got no success, so a CREATING table is rolled back and a DELETING
 * one finished. Both are announced as DELETED, so item-service drops storage it may hold for them.
 */
@Component
public class UnfinishedTableChanges implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedTableChanges.class);

    private final TableMetadataStore store;
    private final TableEventPublisher events;

    public UnfinishedTableChanges(TableMetadataStore store, TableEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (ObjectNode table : store.all()) {
            TableStatus status = TableDescriptions.status(table);
            if (status == TableStatus.ACTIVE) {
                continue;
            }
            String tableName = TableDescriptions.tableName(table);
            LOG.warn("Table {} was left {} by an interrupted request; removing it", tableName, status);
            store.compute(tableName, current -> null);
            events.publish(new TableEvent(TableEvent.Type.DELETED, tableName, TableDescriptions.tableId(table),
                    System.currentTimeMillis(), TableDescriptions.model(TableDescriptions.withStatus(table, TableStatus.DELETING))));
        }
    }
}
