package dev.ddb.item.bulk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.request.Unicode;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.key.PrimaryKeys;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.write.Write;
import dev.ddb.item.write.WriteOutcome;
import dev.ddb.item.write.WritePath;
import dev.ddb.item.write.WriteSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Loads items into a table a restore is filling (CREATING, RestoreInProgress): each chunk of
 * {@code {"Item":{...}}} lines is put through the one write path, {@link #WRITE_SET_SIZE} items a
 * write set, so index entries are written as for any put. Puts replace whole items, so loading a
 * chunk again after a crash is harmless. Only a table being restored may be loaded this way.
 */
public final class ItemLoad {

    static final int WRITE_SET_SIZE = 100;

    private final ItemStore store;
    private final WritePath writes;

    public ItemLoad(ItemStore store, WritePath writes) {
        this.store = store;
        this.writes = writes;
    }

    /** The table's restore has finished already (it took item requests since): nothing more is loaded. */
    public static final class AlreadyRestored extends RuntimeException {
        AlreadyRestored(String tableKey) {
            super("The restore of table " + tableKey + " has finished");
        }
    }

    /** The outcome of one chunk: items put, and items refused (an index key of the wrong type, a line that is no item). */
    public record Loaded(long items, long refused) {
    }

    /**
     * @param tableKey the table's key ({@code Regions.tableKey})
     * @param tableId  the TableId the restore created, so a chunk never lands in another table of that name
     * @throws DynamoDbException ResourceNotFoundException when that table is gone or not being restored
     */
    public Loaded load(String tableKey, String tableId, byte[] lines) {
        TableDescription table = store.schema(tableKey);
        if (table != null && table.tableId().equals(tableId) && table.restoreSummary() != null && !table.restoreInProgress()) {
            throw new AlreadyRestored(tableKey); // finished: a restore resumed after a crash loads nothing more
        }
        if (table == null || !table.tableId().equals(tableId) || !table.restoreInProgress()) {
            throw DynamoDbException.resourceNotFound("Requested resource not found: no table " + tableKey
                    + " with TableId " + tableId + " is being restored");
        }
        long items = 0;
        long refused = 0;
        List<Write> batch = new ArrayList<>(WRITE_SET_SIZE);
        for (String line : new String(lines, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, AttributeValue> attributes;
            byte[] key;
            try {
                JsonNode item = Json.read(line.getBytes(StandardCharsets.UTF_8)).get("Item");
                if (item == null) {
                    continue; // the ItemCount line
                }
                if (!wellFormed(item)) {
                    throw DynamoDbException.serialization(Unicode.INVALID_MESSAGE);
                }
                attributes = AttributeValueJson.readStoredItem(item);
                key = PrimaryKeys.ofItem(table.keySchema(), attributes);
            } catch (DynamoDbException | JacksonException e) {
                // a line that is no item (not JSON, a lone surrogate, or without the table's key): refused like an item whose
                // index key has the wrong type, rather than the whole chunk, which would hold the restore up
                items++;
                refused++;
                continue;
            }
            batch.add(new Write(table, key, current -> attributes));
            if (batch.size() == WRITE_SET_SIZE) {
                refused += apply(batch);
                items += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            refused += apply(batch);
            items += batch.size();
        }
        return new Loaded(items - refused, refused);
    }

    /**
     * Every name and string of the line is well-formed Unicode: a JSON escape can spell a lone
     * surrogate ("\\ud800"), which requests refuse and which the store could not encode.
     */
    private static boolean wellFormed(JsonNode node) {
        if (node.isString()) {
            return Unicode.isValid(node.stringValue());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!Unicode.isValid(field.getKey()) || !wellFormed(field.getValue())) {
                    return false;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (!wellFormed(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    private long apply(List<Write> batch) {
        long refused = 0;
        for (WriteOutcome outcome : writes.apply(WriteSet.independent(batch))) {
            if (outcome.failed()) {
                if (outcome.failure().code().equals("ResourceNotFoundException")) {
                    throw outcome.failure(); // the table went away meanwhile
                }
                refused++;
            }
        }
        return refused;
    }
}
