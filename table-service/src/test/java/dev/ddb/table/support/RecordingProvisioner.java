package dev.ddb.table.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.ddb.table.provisioning.TableStorageProvisioner;
import dev.ddb.table.provisioning.TableStorageProvisioningException;
import tools.jackson.databind.JsonNode;

/** Stands in for item-service: records provisioning calls and fails them on demand. */
public class RecordingProvisioner implements TableStorageProvisioner {

    public final List<JsonNode> provisioned = new CopyOnWriteArrayList<>();
    public final List<String> deprovisioned = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    /** Makes every following call fail, as an unreachable item-service would, until {@link #recover()}. */
    public void fail() {
        failing = true;
    }

    public void recover() {
        failing = false;
    }

    @Override
    public void provision(JsonNode tableDescription) {
        if (failing) {
            throw new TableStorageProvisioningException("item-service unreachable (test)");
        }
        provisioned.add(tableDescription);
    }

    @Override
    public void deprovision(String tableName) {
        if (failing) {
            throw new TableStorageProvisioningException("item-service unreachable (test)");
        }
        deprovisioned.add(tableName);
    }

    public JsonNode lastProvisioned(String tableName) {
        return provisioned.stream()
                .filter(table -> table.get("TableName").stringValue().equals(tableName))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("table " + tableName + " was never provisioned"));
    }
}
