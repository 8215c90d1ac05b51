package dev.ddb.stream.trigger;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lambda's DynamoDB event: {@code {"Records": [...]}}, each record a stream record (the GetRecords
 * shape: eventID, eventName, eventVersion, eventSource, awsRegion, dynamodb) with {@code eventSourceARN},
 * the stream's ARN, added; a TTL delete's {@code userIdentity} is written as Lambda writes it,
 * {@code {"type": "Service", "principalId": "dynamodb.amazonaws.com"}} (GetRecords says Type and PrincipalId).
 */
public final class LambdaEvents {

    private LambdaEvents() {
    }

    /** The record Lambda sends (and filters match against), from a stream record of the stream's topic. */
    public static ObjectNode record(ObjectNode streamRecord, String streamArn) {
        ObjectNode record = streamRecord.deepCopy();
        JsonNode identity = record.remove("userIdentity");
        record.put("eventSourceARN", streamArn);
        if (identity != null && identity.isObject()) {
            ObjectNode lambdaIdentity = record.putObject("userIdentity");
            lambdaIdentity.put("type", identity.path("Type").stringValue(null));
            lambdaIdentity.put("principalId", identity.path("PrincipalId").stringValue(null));
        }
        return record;
    }

    public static byte[] event(StreamBatch batch) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        batch.records().forEach(entry -> records.add(entry.record()));
        return Json.write(event);
    }
}
