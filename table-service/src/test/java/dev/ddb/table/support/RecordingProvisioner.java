package dev.ddb.table.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.table.provisioning.IndexState;
import dev.ddb.table.provisioning.IndexStatusLookup;
import dev.ddb.table.provisioning.TableStorageProvisioner;
import dev.ddb.table.provisioning.TableStorageProvisioningException;
import tools.jackson.databind.JsonNode;

/**
 * Stands in for item-service: records provisioning calls as the JSON item-service receives, fails them on demand, and keeps the
 * global indexes of each table as item-service would: an index sent CREATING is backfilling until
 * {@link #finishBackfill}, an index sent DELETING (or no longer sent) is dropped at once.
 */
public class RecordingProvisioner implements TableStorageProvisioner, IndexStatusLookup {

    public final List<JsonNode> provisioned = new CopyOnWriteArrayList<>();
    public final List<String> deprovisioned = new CopyOnWriteArrayList<>();
    public final List<String> indexLookups = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, IndexState>> indexes = new ConcurrentHashMap<>();
    private volatile boolean failing;
    private volatile boolean slowDrops;

    /** Makes every following call fail, as an unreachable item-service would, until {@link #recover()}. */
    public void fail() {
        failing = true;
    }

    public void recover() {
        failing = false;
        slowDrops = false;
    }

    @Override
    public void provision(TableDescription table) {
        provision(TableDescriptionJson.write(table));
    }

    private void provision(JsonNode tableDescription) {
        if (failing) {
            throw new TableStorageProvisioningException("item-service unreachable (test)");
        }
        provisioned.add(tableDescription);
        String tableName = tableDescription.get("TableName").stringValue();
        Map<String, IndexState> known = indexes.computeIfAbsent(tableName, name -> new ConcurrentHashMap<>());
        List<String> sent = new ArrayList<>();
        for (JsonNode index : tableDescription.path("GlobalSecondaryIndexes")) {
            String indexName = index.get("IndexName").stringValue();
            String status = index.get("IndexStatus").stringValue();
            if (status.equals("DELETING")) {
                continue;
            }
            sent.add(indexName);
            known.computeIfAbsent(indexName, name -> status.equals("CREATING")
                    ? new IndexState(name, "CREATING", true, 0, 0)
                    : new IndexState(name, "ACTIVE", false, 0, 0));
        }
        if (!slowDrops) {
            known.keySet().retainAll(sent);
        }
    }

    /** Indexes sent DELETING stay listed until {@link #dropDeletedIndexes}, as while item-service is still dropping them. */
    public void dropSlowly() {
        slowDrops = true;
    }

    public void dropDeletedIndexes(String tableName) {
        slowDrops = false;
        provision(lastProvisioned(tableName));
    }

    @Override
    public void deprovision(String tableName) {
        if (failing) {
            throw new TableStorageProvisioningException("item-service unreachable (test)");
        }
        deprovisioned.add(tableName);
        indexes.remove(tableName);
    }

    @Override
    public List<IndexState> indexStates(String tableName) {
        indexLookups.add(tableName);
        if (failing) {
            throw new TableStorageProvisioningException("item-service unreachable (test)");
        }
        return List.copyOf(indexes.getOrDefault(tableName, Map.of()).values());
    }

    /** The index has been built from the table's items: item-service now reports it ACTIVE. */
    public void finishBackfill(String tableName, String indexName, long itemCount, long indexSizeBytes) {
        indexes.get(tableName).put(indexName, new IndexState(indexName, "ACTIVE", false, itemCount, indexSizeBytes));
    }

    /** item-service loses what it knew of the table's indexes (as if a change never reached it). */
    public void forgetIndexes(String tableName) {
        indexes.remove(tableName);
    }

    public JsonNode lastProvisioned(String tableName) {
        return provisioned.stream()
                .filter(table -> table.get("TableName").stringValue().equals(tableName))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("table " + tableName + " was never provisioned"));
    }
}
