package dev.ddb.item.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ddb.common.event.TableEvent;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.AttributeDefinition;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.OnDemandThroughput;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TimeToLive;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.write.IndexBackfill;

/**
 * What table-service's provisioning calls and {@code ddb.table-events} do to item storage: a new
 * table (or a table re-created under its name) gets empty maps for it and its indexes; an updated
 * description of an existing table (same TableId) adds the global indexes it newly has, CREATING
 * until backfilled from the items, drops those it no longer has or marks DELETING, and takes its
 * billing mode, provisioned throughput and on-demand maximums (which the operations enforce). Idempotent:
 * table-service retries and events are read at least once.
 */
public final class TableProvisioning {

    private static final Logger LOG = LoggerFactory.getLogger(TableProvisioning.class);

    private final ItemStore store;
    private final IndexBackfill backfill;
    /**
     * When table-service last sent each table (by TableId). Every change is sent before its event
     * is published, so an event older than the last send is stale: its capacity is not taken.
     */
    private final Map<String, Long> sentAt = new HashMap<>();

    public TableProvisioning(ItemStore store, IndexBackfill backfill) {
        this.store = store;
        this.backfill = backfill;
    }

    /** table-service's POST: the table as it stands now, so an index it does not list goes. */
    public synchronized void provision(TableDescription described) {
        sentAt.put(described.tableId(), System.currentTimeMillis());
        TableDescription current = store.schema(Regions.tableKey(described));
        if (current == null || !current.tableId().equals(described.tableId())) {
            store.createTable(asNew(described));
            return;
        }
        List<GlobalSecondaryIndex> wanted = new ArrayList<>();
        for (GlobalSecondaryIndex index : described.globalSecondaryIndexes()) {
            if (index.indexStatus() != IndexStatus.DELETING) {
                wanted.add(index);
            }
        }
        update(current, described, wanted, true);
    }

    /** table-service's DELETE of the table with this key ({@link Regions#tableKey(String, String)}). */
    public synchronized void drop(String tableName) {
        store.deleteTable(tableName);
    }

    /**
     * A table event. It may be older than what item-service already has (the POST came first, or
     * the topic is read again from its start), so it never brings back a dropped table, never
     * replaces a newer table of the same name, and, for the same table, only adds the indexes it
     * lists and drops the ones it marks DELETING: an index it does not list may be newer than it.
     */
    public synchronized void apply(TableEvent event) {
        TableDescription described = event.table();
        TableDescription current = store.schema(event.tableKey());
        boolean sameTable = current != null && current.tableId().equals(event.tableId());
        if (event.eventType() == TableEvent.Type.DELETED) {
            if (sameTable) {
                LOG.info("Table {} ({}) was deleted; dropping its storage", event.tableName(), event.tableId());
                store.deleteTable(event.tableKey());
            } else {
                store.recordDropped(event.tableId());
            }
            return;
        }
        if (store.wasDropped(event.tableId())) {
            return;
        }
        if (current == null || (!sameTable && described.creationDateTime().isAfter(current.creationDateTime()))) {
            LOG.info("Table {} ({}) provisioned from its {} event", event.tableName(), event.tableId(), event.eventType());
            store.createTable(asNew(described));
            return;
        }
        if (!sameTable) {
            return; // an event of an older table of that name
        }
        List<GlobalSecondaryIndex> wanted = new ArrayList<>();
        for (GlobalSecondaryIndex index : current.globalSecondaryIndexes()) {
            boolean deleting = described.globalIndex(index.indexName())
                    .filter(other -> other.indexStatus() == IndexStatus.DELETING && other.sameDefinition(index))
                    .isPresent();
            if (!deleting) {
                wanted.add(index);
            }
        }
        for (GlobalSecondaryIndex index : described.globalSecondaryIndexes()) {
            if (index.indexStatus() != IndexStatus.DELETING
                    && current.globalIndex(index.indexName()).filter(index::sameDefinition).isEmpty()) {
                wanted.removeIf(other -> other.indexName().equals(index.indexName()));
                wanted.add(index);
            }
        }
        boolean stale = event.timeMillis() < sentAt.getOrDefault(event.tableId(), Long.MIN_VALUE);
        update(current, described, wanted, !stale);
    }

    /** Keeps the indexes item-service has as they are (CREATING until backfilled); new ones start CREATING. */
    /** @param takeCapacity whether billing and throughput follow the description (not when it is stale) */
    private void update(TableDescription current, TableDescription described, List<GlobalSecondaryIndex> wanted,
                        boolean takeCapacity) {
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (GlobalSecondaryIndex index : wanted) {
            GlobalSecondaryIndex existing = current.globalIndex(index.indexName()).filter(index::sameDefinition).orElse(null);
            if (existing != null) {
                // the index's provisioned throughput and on-demand maximums follow the description
                // (UpdateTable), unless the description is stale
                GlobalSecondaryIndex describedIndex = !takeCapacity ? existing : described.globalIndex(index.indexName())
                        .filter(index::sameDefinition).orElse(existing);
                ProvisionedThroughputDescription throughput = describedIndex.provisionedThroughput();
                OnDemandThroughput maximums = describedIndex.onDemandThroughput();
                indexes.add(Objects.equals(throughput, existing.provisionedThroughput())
                        && Objects.equals(maximums, existing.onDemandThroughput())
                        ? existing : existing.withProvisionedThroughput(throughput).withOnDemandThroughput(maximums));
            } else {
                indexes.add(index.withStatus(IndexStatus.CREATING, true).withStatistics(0, 0));
                added.add(index.indexName());
            }
        }
        // billing mode, provisioned throughput and on-demand maximums follow the description too: they
        // are what the operations enforce (capacity.CapacityLimits)
        TableDescription billing = takeCapacity ? described : current;
        boolean billingChanged = !Objects.equals(current.billingModeSummary(), billing.billingModeSummary())
                || !Objects.equals(current.provisionedThroughput(), billing.provisionedThroughput())
                || !Objects.equals(current.onDemandThroughput(), billing.onDemandThroughput());
        // The later Time to Live setting of the two: an event may be older than what item-service has.
        TimeToLive timeToLive = TimeToLive.newer(described.timeToLive(), current.timeToLive())
                ? described.timeToLive() : current.timeToLive();
        // A restored table becomes ACTIVE (and takes item writes) once table-service says its restore
        // finished; never the other way round, whatever an old event says.
        boolean restoreFinished = current.restoreInProgress() && described.restoreSummary() != null
                && !described.restoreInProgress();
        if (added.isEmpty() && indexes.equals(current.globalSecondaryIndexes()) && !billingChanged
                && Objects.equals(timeToLive, current.timeToLive()) && !restoreFinished) {
            return;
        }
        TableDescription updated = current.withIndexes(definitions(current, described), indexes)
                .withBilling(billing.billingModeSummary(), billing.provisionedThroughput())
                .withOnDemandThroughput(billing.onDemandThroughput())
                .withTimeToLive(timeToLive);
        if (restoreFinished) {
            updated = updated.withRestoreSummary(described.restoreSummary()).withStatus(described.tableStatus());
        }
        store.updateSchema(updated);
        TableDescription schema = updated;
        added.forEach(name -> backfill.start(schema, name));
    }

    /** The definitions item-service has, and those the description adds (a stale one may lack newer ones). */
    private static List<AttributeDefinition> definitions(TableDescription current, TableDescription described) {
        List<AttributeDefinition> definitions = new ArrayList<>(current.attributeDefinitions());
        for (AttributeDefinition definition : described.attributeDefinitions()) {
            if (current.attributeType(definition.attributeName()) == null) {
                definitions.add(definition);
            }
        }
        return definitions;
    }

    /** A new table has no items: its indexes are complete from the start. */
    private static TableDescription asNew(TableDescription described) {
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (GlobalSecondaryIndex index : described.globalSecondaryIndexes()) {
            if (index.indexStatus() != IndexStatus.DELETING) {
                indexes.add(index.withStatus(IndexStatus.ACTIVE, null).withStatistics(0, 0));
            }
        }
        return described.withGlobalSecondaryIndexes(indexes);
    }
}
