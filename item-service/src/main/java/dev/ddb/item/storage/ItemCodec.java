package dev.ddb.item.storage;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.StreamingItemJson;
import dev.ddb.common.json.Json;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * How an item is stored: its DynamoDB JSON, which keeps every type and number exactly, written and
 * read with Jackson's streaming API ({@link StreamingItemJson}). What is read here was written here,
 * so it is not validated again as a request's item is; the bytes are the same as a JSON tree wrote
 * before, so older stores read unchanged.
 */
final class ItemCodec {

    private ItemCodec() {
    }

    static byte[] encode(Map<String, AttributeValue> item) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = Json.MAPPER.createGenerator(bytes)) {
            StreamingItemJson.writeItem(generator, item);
        }
        return bytes.toByteArray();
    }

    static Map<String, AttributeValue> decode(byte[] bytes) {
        try (JsonParser parser = Json.MAPPER.createParser(bytes)) {
            StreamingItemJson.expect(parser.nextToken(), JsonToken.START_OBJECT);
            return StreamingItemJson.readItem(parser);
        }
    }
}
