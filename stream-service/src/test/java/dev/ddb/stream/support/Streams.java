package dev.ddb.stream.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.json.Json;
import dev.ddb.common.table.AttributeDefinition;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.StreamSpecification;
import dev.ddb.common.table.StreamViewType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableStatus;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.registry.StreamArn;
import tools.jackson.databind.node.ArrayNode;

/** Streams, table events and item changes for tests, of tables keyed by "pk" (S) and "sk" (N). */
public final class Streams {

    public static final String REGION = "us-east-1";

    private Streams() {
    }

    public static String arn(String tableName, String label) {
        return "arn:aws:dynamodb:" + REGION + ":000000000000:table/" + tableName + "/stream/" + label;
    }

    public static Stream stream(String tableName, String label, String viewType, int shards) {
        return Stream.create(StreamArn.parse(arn(tableName, label)).orElseThrow(), "id-" + tableName, viewType, keySchema(),
                Collections.nCopies(shards, 0L));
    }

    public static ArrayNode keySchema() {
        ArrayNode keySchema = Json.array();
        keySchema.addObject().put("AttributeName", "pk").put("KeyType", "HASH");
        keySchema.addObject().put("AttributeName", "sk").put("KeyType", "RANGE");
        return keySchema;
    }

    /** A TableDescription as table-service publishes it; {@code streamLabel} null for a table without a stream. */
    public static TableDescription table(String tableName, String streamLabel, boolean enabled, String viewType) {
        String tableArn = "arn:aws:dynamodb:" + REGION + ":000000000000:table/" + tableName;
        return new TableDescription(tableName, "id-" + tableName, tableArn, TableStatus.ACTIVE, Instant.EPOCH,
                List.of(new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.N)),
                new KeySchema("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N),
                ProvisionedThroughputDescription.onDemand(), null, List.of(), List.of(),
                streamLabel != null && enabled ? StreamSpecification.enabled(StreamViewType.valueOf(viewType)) : null,
                streamLabel, streamLabel == null ? null : arn(tableName, streamLabel), false, 0, 0, null);
    }

    public static TableEvent event(TableEvent.Type type, String tableName, String tableId, long millis, TableDescription table) {
        return new TableEvent(type, tableName, tableId, millis, table);
    }

    public static ItemChange change(String eventName, long sequence, String pk, Map<String, AttributeValue> oldImage,
                                    Map<String, AttributeValue> newImage) {
        Map<String, AttributeValue> keys = new LinkedHashMap<>();
        keys.put("pk", new AttributeValue.S(pk));
        keys.put("sk", new AttributeValue.N(new BigDecimal("1")));
        return new ItemChange("Music", "id-Music", sequence, eventName, keys, oldImage, newImage,
                1_764_067_054_123L, 0, null);
    }

    public static Map<String, AttributeValue> item(String pk, String value) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", new AttributeValue.S(pk));
        item.put("sk", new AttributeValue.N(new BigDecimal("1")));
        item.put("v", new AttributeValue.S(value));
        return item;
    }

    public static List<Long> offsets(long... offsets) {
        return Arrays.stream(offsets).boxed().toList();
    }
}
