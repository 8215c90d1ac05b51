package dev.ddb.item.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.table.KeySchema;

/**
 * An index's Projection: which attributes of an item its entries hold. The table's and the
 * index's key attributes are always projected.
 *
 * @param projectionType   KEYS_ONLY, INCLUDE or ALL
 * @param nonKeyAttributes the attributes INCLUDE adds (empty otherwise)
 */
public record IndexProjection(String projectionType, List<String> nonKeyAttributes) {

    public static final String KEYS_ONLY = "KEYS_ONLY";
    public static final String INCLUDE = "INCLUDE";
    public static final String ALL = "ALL";

    public IndexProjection {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }

    public boolean all() {
        return ALL.equals(projectionType);
    }

    /** Whether an attribute is in the index's entries. */
    public boolean projects(String attribute, KeySchema tableKey, KeySchema indexKey) {
        return all() || tableKey.isKeyAttribute(attribute) || indexKey.isKeyAttribute(attribute)
                || nonKeyAttributes.contains(attribute);
    }

    /** The index entry of an item. */
    public Map<String, AttributeValue> project(Map<String, AttributeValue> item, KeySchema tableKey, KeySchema indexKey) {
        if (all()) {
            return item;
        }
        Map<String, AttributeValue> entry = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (projects(name, tableKey, indexKey)) {
                entry.put(name, value);
            }
        });
        return entry;
    }
}
