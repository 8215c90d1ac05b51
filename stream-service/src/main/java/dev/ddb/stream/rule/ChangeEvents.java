package dev.ddb.stream.rule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.ddb.common.attribute.PlainJson;
import dev.ddb.common.json.Json;
import dev.ddb.stream.trigger.LambdaEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A table change as the event rules match and deliver it: EventBridge's envelope around the stream record.
 *
 * <pre>
 * {"version": "0", "id": "&lt;uuid, the same for every delivery of this record&gt;",
 *  "detail-type": "DynamoDB Stream Record", "source": "aws.dynamodb", "account": "000000000000",
 *  "time": "2026-12-01T02:30:00Z", "region": "us-east-1",
 *  "resources": ["arn:aws:dynamodb:us-east-1:000000000000:table/Orders"],
 *  "detail": {the record as Lambda gets it: eventID, eventName, eventVersion, eventSource, awsRegion,
 *             dynamodb {Keys, NewImage, OldImage, SequenceNumber, ...}, eventSourceARN (the stream),
 *             and plain JSON copies of the images: "tableName", "keys", "newImage", "oldImage"}}
 * </pre>
 *
 * The plain copies (the REST API's item mapping) exist for patterns: DynamoDB's typed images hold numbers
 * as strings ({@code {"N": "250"}}), which {@code numeric} never matches; {@code detail.newImage.total} is 250.
 */
public final class ChangeEvents {

    public static final String DETAIL_TYPE = "DynamoDB Stream Record";
    public static final String SOURCE = "aws.dynamodb";

    private ChangeEvents() {
    }

    public static ObjectNode of(ObjectNode streamRecord, String streamArn, String accountId) {
        ObjectNode detail = LambdaEvents.record(streamRecord, streamArn);
        String tableArn = streamArn.substring(0, streamArn.indexOf("/stream/"));
        detail.put("tableName", tableArn.substring(tableArn.indexOf(":table/") + ":table/".length()));
        JsonNode dynamodb = detail.path("dynamodb");
        plain(detail, "keys", dynamodb.get("Keys"));
        plain(detail, "newImage", dynamodb.get("NewImage"));
        plain(detail, "oldImage", dynamodb.get("OldImage"));

        ObjectNode event = Json.object();
        event.put("version", "0");
        String sequence = dynamodb.path("SequenceNumber").stringValue("");
        event.put("id", UUID.nameUUIDFromBytes((streamArn + "/" + sequence).getBytes(StandardCharsets.UTF_8)).toString());
        event.put("detail-type", DETAIL_TYPE);
        event.put("source", SOURCE);
        event.put("account", accountId);
        long seconds = dynamodb.path("ApproximateCreationDateTime").asLong(System.currentTimeMillis() / 1000);
        event.put("time", Instant.ofEpochSecond(seconds).toString());
        event.put("region", streamRecord.path("awsRegion").stringValue(null));
        event.putArray("resources").add(tableArn);
        event.set("detail", detail);
        return event;
    }

    private static void plain(ObjectNode detail, String name, JsonNode typedImage) {
        if (typedImage != null && typedImage.isObject()) {
            detail.set(name, PlainJson.fromItem(typedImage));
        }
    }
}
