package dev.ddb.common.attribute;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers for items: maps of attribute name to value that keep their attribute order. */
public final class Items {

    private Items() {
    }

    public static Map<String, AttributeValue> copyOf(Map<String, AttributeValue> item) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(item));
    }

    /**
     * How many levels an item's values nest, counted as {@link AttributeValueJson} counts when it
     * reads one: 1 for an item of scalars (or an empty item), 2 when a map or list holds scalars.
     */
    public static int nestingDepth(Map<String, AttributeValue> item) {
        int depth = 1;
        for (AttributeValue value : item.values()) {
            depth = Math.max(depth, depth(value, 1));
        }
        return depth;
    }

    private static int depth(AttributeValue value, int level) {
        int deepest = level;
        if (value instanceof AttributeValue.M map) {
            for (AttributeValue member : map.values().values()) {
                deepest = Math.max(deepest, depth(member, level + 1));
            }
        } else if (value instanceof AttributeValue.L list) {
            for (AttributeValue member : list.values()) {
                deepest = Math.max(deepest, depth(member, level + 1));
            }
        }
        return deepest;
    }
}
