package dev.ddb.common.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/**
 * A secondary index's Projection: which attributes of an item its entries hold. The table's and
 * the index's key attributes are always projected.
 *
 * @param nonKeyAttributes the attributes INCLUDE adds (empty for the other types)
 */
public record Projection(ProjectionType projectionType, List<String> nonKeyAttributes) {

    public Projection {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }

    public static Projection of(ProjectionType projectionType) {
        return new Projection(projectionType, List.of());
    }

    public boolean all() {
        return projectionType == ProjectionType.ALL;
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
