package dev.ddb.stream.trigger;

import dev.ddb.common.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lambda's DynamoDB event: {@code {"Records": [...]}}, each record a stream record (the GetRecords
 * shape: eventID, eventName, eventVersion, eventSource, awsRegion, dynamodb, userIdentity for TTL
 * deletes) with {@code eventSourceARN}, the stream's ARN, added.
 */
public final class LambdaEvents {

    private LambdaEvents() {
    }

    /** The record Lambda sends (and filters match against), from a stream record of the stream's topic. */
    public static ObjectNode record(ObjectNode streamRecord, String streamArn) {
        ObjectNode record = streamRecord.deepCopy();
        record.put("eventSourceARN", streamArn);
        return record;
    }

    public static byte[] event(StreamBatch batch) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        batch.records().forEach(entry -> records.add(entry.record()));
        return Json.write(event);
    }
}
