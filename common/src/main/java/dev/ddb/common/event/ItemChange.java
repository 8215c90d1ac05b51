package dev.ddb.common.event;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.StreamingItemJson;
import dev.ddb.common.json.Json;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A value on {@code ddb.item-changes}: one item-level change with both images. {@code sequence}
 * grows with every change item-service makes, so consumers drop a change they have seen (the
 * relay delivers at least once). Both images are always present where they exist; the stream
 * view type is applied by stream-service.
 *
 * @param eventName    INSERT, MODIFY or REMOVE
 * @param userIdentity null, or the principal of a service-made change (TTL deletes)
 */
public record ItemChange(String tableName, String tableId, long sequence, String eventName,
                         Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
                         Map<String, AttributeValue> newImage, long timeMillis, long sizeBytes,
                         String userIdentity) {

    /** The Kafka key: table and partition key, so that changes of one item stay in order on one partition. */
    public static String kafkaKey(String tableId, byte[] encodedPartitionKey) {
        return tableId + "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(encodedPartitionKey);
    }

    /**
     * The change's JSON. The fields a consumer routes by (table, sequence, time) come before the
     * images, so that {@link #head(byte[])} reads them without parsing the images; readers of the
     * whole change take the fields in any order (older records have the time last).
     */
    public byte[] toJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = Json.MAPPER.createGenerator(bytes)) {
            generator.writeStartObject();
            generator.writeStringProperty("tableName", tableName);
            generator.writeStringProperty("tableId", tableId);
            generator.writeNumberProperty("sequence", sequence);
            generator.writeNumberProperty("time", timeMillis);
            generator.writeStringProperty("eventName", eventName);
            generator.writeNumberProperty("sizeBytes", sizeBytes);
            if (userIdentity != null) {
                generator.writeStringProperty("userIdentity", userIdentity);
            }
            generator.writeName("keys");
            StreamingItemJson.writeItem(generator, keys);
            if (oldImage != null) {
                generator.writeName("oldImage");
                StreamingItemJson.writeItem(generator, oldImage);
            }
            if (newImage != null) {
                generator.writeName("newImage");
                StreamingItemJson.writeItem(generator, newImage);
            }
            generator.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** Reads a change; throws (a RuntimeException) on what is not a whole change. */
    public static ItemChange fromJson(byte[] bytes) {
        String tableName = null;
        String tableId = null;
        Long sequence = null;
        String eventName = null;
        Map<String, AttributeValue> keys = null;
        Map<String, AttributeValue> oldImage = null;
        Map<String, AttributeValue> newImage = null;
        Long time = null;
        Long sizeBytes = null;
        String userIdentity = null;
        try (JsonParser parser = Json.MAPPER.createParser(bytes)) {
            StreamingItemJson.expect(parser.nextToken(), JsonToken.START_OBJECT);
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "tableName" -> tableName = parser.getString();
                    case "tableId" -> tableId = parser.getString();
                    case "sequence" -> sequence = parser.getLongValue();
                    case "eventName" -> eventName = parser.getString();
                    case "keys" -> keys = image(parser, token);
                    case "oldImage" -> oldImage = image(parser, token);
                    case "newImage" -> newImage = image(parser, token);
                    case "time" -> time = parser.getLongValue();
                    case "sizeBytes" -> sizeBytes = parser.getLongValue();
                    case "userIdentity" -> userIdentity = parser.getString();
                    default -> parser.skipChildren(); // a field of a later version
                }
            }
        }
        if (tableName == null || tableId == null || sequence == null || eventName == null || keys == null
                || time == null || sizeBytes == null) {
            throw new IllegalArgumentException("Not an item change: a required field is missing");
        }
        return new ItemChange(tableName, tableId, sequence, eventName, keys, oldImage, newImage, time, sizeBytes, userIdentity);
    }

    private static Map<String, AttributeValue> image(JsonParser parser, JsonToken token) {
        StreamingItemJson.expect(token, JsonToken.START_OBJECT);
        return StreamingItemJson.readItem(parser);
    }

    /** What a consumer routes a change by, read without its images. */
    public record Head(String tableId, long sequence, long timeMillis) {
    }

    /**
     * The table, sequence and time of a change, parsing no further than it must: a change of a table
     * no consumer wants is passed over without its images being read. Throws on what is not JSON.
     */
    public static Head head(byte[] bytes) {
        String tableId = null;
        Long sequence = null;
        Long time = null;
        try (JsonParser parser = Json.MAPPER.createParser(bytes)) {
            StreamingItemJson.expect(parser.nextToken(), JsonToken.START_OBJECT);
            String name;
            while ((tableId == null || sequence == null || time == null) && (name = parser.nextName()) != null) {
                parser.nextToken();
                switch (name) {
                    case "tableId" -> tableId = parser.getString();
                    case "sequence" -> sequence = parser.getLongValue();
                    case "time" -> time = parser.getLongValue();
                    default -> parser.skipChildren();
                }
            }
        }
        if (tableId == null || sequence == null || time == null) {
            throw new IllegalArgumentException("Not an item change: no tableId, sequence or time");
        }
        return new Head(tableId, sequence, time);
    }
}
