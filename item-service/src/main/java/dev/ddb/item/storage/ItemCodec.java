package dev.ddb.item.storage;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.StreamingItemJson;
import dev.ddb.common.json.Json;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.smile.SmileFactory;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * How an item (and an index entry) is stored: its DynamoDB JSON structure, which keeps every type
 * and number exactly, encoded in Smile, Jackson's binary form of JSON (attribute and type names said
 * once per item and referred back to, lengths instead of quotes and escapes), written and read with
 * the streaming API ({@link StreamingItemJson}). What is read here was written here, so it is not
 * validated again as a request's item is.
 *
 * <p>Stores written before kept items as JSON text; a value that starts with '{' is read as such,
 * so they open unchanged (Smile values start with the header ":)\n").
 */
final class ItemCodec {

    private static final SmileMapper SMILE = SmileMapper.builder(
            SmileFactory.builder().streamReadConstraints(Json.READ_CONSTRAINTS).build()).build();

    private ItemCodec() {
    }

    static byte[] encode(Map<String, AttributeValue> item) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = SMILE.createGenerator(bytes)) {
            StreamingItemJson.writeItem(generator, item);
        }
        return bytes.toByteArray();
    }

    static Map<String, AttributeValue> decode(byte[] bytes) {
        boolean json = bytes.length > 0 && bytes[0] == '{';
        try (JsonParser parser = json ? Json.MAPPER.createParser(bytes) : SMILE.createParser(bytes)) {
            StreamingItemJson.expect(parser.nextToken(), JsonToken.START_OBJECT);
            return StreamingItemJson.readItem(parser);
        }
    }
}
