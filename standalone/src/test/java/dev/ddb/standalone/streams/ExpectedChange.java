package dev.ddb.standalone.streams;

import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import tools.jackson.databind.JsonNode;

/** One change a test made, and what a stream record of it shows under each view type. */
record ExpectedChange(String eventName, Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
                      Map<String, AttributeValue> newImage) {

    String partitionKey() {
        return keys.get("pk").s();
    }

    Map<String, AttributeValue> expectedNewImage(StreamViewType viewType) {
        return viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES ? newImage : null;
    }

    Map<String, AttributeValue> expectedOldImage(StreamViewType viewType) {
        return viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES ? oldImage : null;
    }

    /** Reads an image of a stream record's JSON (the tests use S and N attributes only). */
    static Map<String, AttributeValue> image(JsonNode item) {
        if (item == null) {
            return null;
        }
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> attribute : item.properties()) {
            JsonNode value = attribute.getValue();
            image.put(attribute.getKey(), value.has("S") ? AttributeValue.fromS(value.get("S").stringValue())
                    : AttributeValue.fromN(value.get("N").stringValue()));
        }
        return image;
    }
}
