package dev.ddb.item.storage;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.json.Json;

/** How an item is stored: its DynamoDB JSON, which keeps every type and number exactly. */
final class ItemCodec {

    private ItemCodec() {
    }

    static byte[] encode(Map<String, AttributeValue> item) {
        return Json.write(AttributeValueJson.writeItem(item));
    }

    static Map<String, AttributeValue> decode(byte[] bytes) {
        return AttributeValueJson.readItem(Json.read(bytes));
    }
}
