package dev.ddb.stream.kinesis;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.json.Json;
import dev.ddb.common.table.KinesisDataStreamDestination;
import dev.ddb.stream.record.StreamRecords;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change as Kinesis Data Streams for DynamoDB writes it: {@code awsRegion}, {@code eventID},
 * {@code eventName}, {@code userIdentity} (null, or the service principal of a TTL delete),
 * {@code recordFormat} application/json, {@code tableName}, {@code dynamodb} with both images (a
 * destination always gets them, whatever the table's stream) and {@code eventSource}.
 */
public final class KinesisRecords {

    private KinesisRecords() {
    }

    public static ObjectNode record(KinesisDestination destination, ItemChange change, String precision) {
        ObjectNode record = Json.object();
        record.put("awsRegion", destination.region());
        record.put("eventID", eventId(destination, change).toString());
        record.put("eventName", change.eventName());
        if (change.userIdentity() == null) {
            record.putNull("userIdentity");
        } else {
            record.putObject("userIdentity").put("type", "Service").put("principalId", change.userIdentity());
        }
        record.put("recordFormat", "application/json");
        record.put("tableName", change.tableName());
        ObjectNode dynamodb = record.putObject("dynamodb");
        // Epoch milliseconds, or microseconds; the change log keeps milliseconds, so the last three digits are 0.
        dynamodb.put("ApproximateCreationDateTime", KinesisDataStreamDestination.MICROSECOND.equals(precision)
                ? Math.multiplyExact(change.timeMillis(), 1000L) : change.timeMillis());
        dynamodb.put("ApproximateCreationDateTimePrecision", precision);
        dynamodb.set("Keys", AttributeValueJson.writeItem(change.keys()));
        long sizeBytes = ItemSize.of(change.keys());
        if (change.newImage() != null) {
            dynamodb.set("NewImage", AttributeValueJson.writeItem(change.newImage()));
            sizeBytes += ItemSize.of(change.newImage());
        }
        if (change.oldImage() != null) {
            dynamodb.set("OldImage", AttributeValueJson.writeItem(change.oldImage()));
            sizeBytes += ItemSize.of(change.oldImage());
        }
        dynamodb.put("SizeBytes", sizeBytes);
        record.put("eventSource", "aws:dynamodb");
        return record;
    }

    /** The Kafka key: the item's partition key value as text, as on stream topics, so one item's records stay in order. */
    public static byte[] partitionKey(KinesisDestination destination, ItemChange change) {
        return StreamRecords.partitionKey(destination.hashKeyName(), change);
    }

    /** A UUID, as DynamoDB's are, derived from the destination and the change: a retried transaction writes the same id. */
    private static UUID eventId(KinesisDestination destination, ItemChange change) {
        return UUID.nameUUIDFromBytes((destination.streamArn() + "#" + destination.tableId() + "#" + change.sequence())
                .getBytes(StandardCharsets.UTF_8));
    }
}
