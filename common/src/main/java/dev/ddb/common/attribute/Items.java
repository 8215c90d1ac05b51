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
}
