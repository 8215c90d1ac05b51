package dev.ddb.table.metadata;

import java.util.Arrays;

import dev.ddb.common.json.Json;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading and changing the few members of a stored TableDescription this service acts on. */
public final class TableDescriptions {

    private TableDescriptions() {
    }

    /** The common table model of a stored description, as table events carry it. */
    public static TableDescription model(JsonNode description) {
        return TableDescriptionJson.read(description);
    }

    public static TableStatus status(JsonNode description) {
        return TableStatus.valueOf(description.get("TableStatus").stringValue());
    }

    public static String tableId(JsonNode description) {
        return description.get("TableId").stringValue();
    }

    public static String tableName(JsonNode description) {
        return description.get("TableName").stringValue();
    }

    public static boolean deletionProtected(JsonNode description) {
        JsonNode value = description.get("DeletionProtectionEnabled");
        return value != null && value.booleanValue();
    }

    /**
     * Whether two descriptions say the same: compared as JSON text, since a stored description
     * reads its numbers back as the smallest fitting type and a built one may hold them as longs.
     */
    public static boolean same(JsonNode first, JsonNode second) {
        if (first == null || second == null) {
            return first == second;
        }
        return Arrays.equals(Json.write(first), Json.write(second));
    }

    /** A copy with another TableStatus; the stored description itself is never changed in place. */
    public static ObjectNode withStatus(JsonNode description, TableStatus status) {
        ObjectNode copy = (ObjectNode) description.deepCopy();
        copy.put("TableStatus", status.name());
        return copy;
    }
}
