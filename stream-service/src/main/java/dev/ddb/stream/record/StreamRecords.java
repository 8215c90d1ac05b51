package dev.ddb.stream.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.json.Json;
import dev.ddb.stream.registry.Stream;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an item change into a DynamoDB Streams record, exactly the {@code Record} shape GetRecords
 * answers, keeping the images the stream's view type asks for.
 */
public final class StreamRecords {

    public static final String KEYS_ONLY = "KEYS_ONLY";
    public static final String NEW_IMAGE = "NEW_IMAGE";
    public static final String OLD_IMAGE = "OLD_IMAGE";
    public static final String NEW_AND_OLD_IMAGES = "NEW_AND_OLD_IMAGES";
    /** The Kafka header naming a record's stream: a table's streams share one topic. */
    public static final String STREAM_ARN_HEADER = "StreamArn";

    private StreamRecords() {
    }

    public static ObjectNode record(Stream stream, ItemChange change, String sequenceNumber) {
        String viewType = stream.streamViewType();
        boolean newImage = (NEW_IMAGE.equals(viewType) || NEW_AND_OLD_IMAGES.equals(viewType)) && change.newImage() != null;
        boolean oldImage = (OLD_IMAGE.equals(viewType) || NEW_AND_OLD_IMAGES.equals(viewType)) && change.oldImage() != null;
        long sizeBytes = ItemSize.of(change.keys()) + (newImage ? ItemSize.of(change.newImage()) : 0)
                + (oldImage ? ItemSize.of(change.oldImage()) : 0);

        ObjectNode record = Json.object();
        record.put("eventID", eventId(stream, change));
        record.put("eventName", change.eventName());
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", stream.region());
        ObjectNode dynamodb = record.putObject("dynamodb");
        // Epoch seconds, rounded down as DynamoDB does.
        dynamodb.put("ApproximateCreationDateTime", Math.floorDiv(change.timeMillis(), 1000L));
        dynamodb.set("Keys", AttributeValueJson.writeItem(change.keys()));
        if (newImage) {
            dynamodb.set("NewImage", AttributeValueJson.writeItem(change.newImage()));
        }
        if (oldImage) {
            dynamodb.set("OldImage", AttributeValueJson.writeItem(change.oldImage()));
        }
        dynamodb.put("SequenceNumber", sequenceNumber);
        dynamodb.put("SizeBytes", sizeBytes);
        dynamodb.put("StreamViewType", viewType);
        if (change.userIdentity() != null) {
            record.putObject("userIdentity").put("PrincipalId", change.userIdentity()).put("Type", "Service");
        }
        return record;
    }

    /** The Kafka key: the item's partition key value as text (a B key in base64), so one item's records stay in order. */
    public static byte[] partitionKey(Stream stream, ItemChange change) {
        return partitionKey(stream.hashKeyName(), change);
    }

    /** The partition key {@code hashKeyName} of the changed item as text (a B key in base64), UTF-8. */
    public static byte[] partitionKey(String hashKeyName, ItemChange change) {
        AttributeValue value = change.keys().get(hashKeyName);
        String text;
        if (value instanceof AttributeValue.S s) {
            text = s.value();
        } else if (value instanceof AttributeValue.N n) {
            text = n.text();
        } else if (value instanceof AttributeValue.B b) {
            text = Base64.getEncoder().encodeToString(b.value());
        } else {
            throw new IllegalArgumentException("Partition key " + hashKeyName + " of " + change.tableName()
                    + " is " + (value == null ? "missing" : value.type()));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * 32 hex digits like DynamoDB's, derived from the stream and the change's sequence: a change
     * written again after an aborted transaction gets the same id.
     */
    private static String eventId(Stream stream, ItemChange change) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(stream.streamArn().getBytes(StandardCharsets.UTF_8));
            md5.update((byte) '#');
            md5.update(Long.toString(change.sequence()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
