package dev.ddb.item.storage;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;

/** An item as read from a range: its encoded key (to resume after it) and its attributes. */
public record StoredItem(byte[] key, Map<String, AttributeValue> item) {
}
