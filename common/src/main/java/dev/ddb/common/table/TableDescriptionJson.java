package dev.ddb.common.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one codec of {@link TableDescription}: DynamoDB's TableDescription JSON, as DescribeTable,
 * CreateTable, UpdateTable and DeleteTable answer it. table-service stores and serves it,
 * {@code ddb.table-events} carries it and item-service keeps it. Members are written in one fixed
 * order; optional ones only when set. Date-times are epoch seconds with a fraction, as DynamoDB
 * writes them.
 */
public final class TableDescriptionJson {

    private static final String HASH = "HASH";
    private static final String RANGE = "RANGE";

    private TableDescriptionJson() {
    }

    public static ObjectNode write(TableDescription table) {
        ObjectNode node = Json.object();
        ArrayNode definitions = node.putArray("AttributeDefinitions");
        for (AttributeDefinition definition : table.attributeDefinitions()) {
            definitions.addObject()
                    .put("AttributeName", definition.attributeName())
                    .put("AttributeType", definition.attributeType().name());
        }
        node.put("TableName", table.tableName());
        node.set("KeySchema", keySchema(table.keySchema()));
        node.put("TableStatus", table.tableStatus().name());
        putTime(node, "CreationDateTime", table.creationDateTime());
        node.set("ProvisionedThroughput", throughput(table.provisionedThroughput()));
        node.put("TableSizeBytes", table.tableSizeBytes());
        node.put("ItemCount", table.itemCount());
        node.put("TableArn", table.tableArn());
        node.put("TableId", table.tableId());
        BillingModeSummary billing = table.billingModeSummary();
        if (billing != null) {
            ObjectNode summary = node.putObject("BillingModeSummary").put("BillingMode", billing.billingMode().name());
            putTime(summary, "LastUpdateToPayPerRequestDateTime", billing.lastUpdateToPayPerRequestDateTime());
        }
        if (!table.localSecondaryIndexes().isEmpty()) {
            ArrayNode indexes = node.putArray("LocalSecondaryIndexes");
            table.localSecondaryIndexes().forEach(index -> indexes.add(index(index)));
        }
        if (!table.globalSecondaryIndexes().isEmpty()) {
            ArrayNode indexes = node.putArray("GlobalSecondaryIndexes");
            for (GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
                ObjectNode indexNode = index(index);
                indexNode.put("IndexStatus", index.indexStatus().name());
                indexNode.set("ProvisionedThroughput", throughput(index.provisionedThroughput()));
                if (index.backfilling() != null) {
                    indexNode.put("Backfilling", index.backfilling());
                }
                putOnDemandThroughput(indexNode, index.onDemandThroughput());
                indexes.add(indexNode);
            }
        }
        StreamSpecification stream = table.streamSpecification();
        if (stream != null) {
            node.putObject("StreamSpecification")
                    .put("StreamEnabled", stream.streamEnabled())
                    .put("StreamViewType", stream.streamViewType().name());
        }
        if (table.latestStreamLabel() != null) {
            node.put("LatestStreamLabel", table.latestStreamLabel());
        }
        if (table.latestStreamArn() != null) {
            node.put("LatestStreamArn", table.latestStreamArn());
        }
        RestoreSummary restore = table.restoreSummary();
        if (restore != null) {
            ObjectNode summary = node.putObject("RestoreSummary");
            if (restore.sourceBackupArn() != null) {
                summary.put("SourceBackupArn", restore.sourceBackupArn());
            }
            if (restore.sourceTableArn() != null) {
                summary.put("SourceTableArn", restore.sourceTableArn());
            }
            putTime(summary, "RestoreDateTime", restore.restoreDateTime());
            summary.put("RestoreInProgress", restore.restoreInProgress());
        }
        SseDescription sse = table.sseDescription();
        if (sse != null) {
            node.putObject("SSEDescription").put("Status", sse.status()).put("SSEType", sse.sseType())
                    .put("KMSMasterKeyArn", sse.kmsMasterKeyArn());
        }
        node.put("DeletionProtectionEnabled", table.deletionProtectionEnabled());
        putOnDemandThroughput(node, table.onDemandThroughput());
        return node;
    }

    /** OnDemandThroughput with the members that are set, as DynamoDB shows it; nothing when no maximum is set. */
    public static void putOnDemandThroughput(ObjectNode node, OnDemandThroughput throughput) {
        if (throughput == null || throughput.isEmpty()) {
            return;
        }
        ObjectNode maximums = node.putObject("OnDemandThroughput");
        if (throughput.maxReadRequestUnits() != null) {
            maximums.put("MaxReadRequestUnits", throughput.maxReadRequestUnits());
        }
        if (throughput.maxWriteRequestUnits() != null) {
            maximums.put("MaxWriteRequestUnits", throughput.maxWriteRequestUnits());
        }
    }

    /**
     * The description as the suite keeps and sends it (table-service's store, {@code ddb.table-events},
     * item-service's store): DescribeTable's shape plus the member {@code TimeToLive}
     * ({@code Enabled}, {@code AttributeName}, {@code LastUpdateDateTime}) when TTL was ever set, and
     * {@code Tags} (ListTagsOfResource's {@code [{"Key","Value"}]}) when the table has tags, and
     * {@code KinesisDataStreamDestinations} (DescribeKinesisStreamingDestination's list) when it has any.
     */
    public static ObjectNode writeStored(TableDescription table) {
        ObjectNode node = write(table);
        TimeToLive timeToLive = table.timeToLive();
        if (timeToLive != null) {
            ObjectNode ttl = node.putObject("TimeToLive").put("Enabled", timeToLive.enabled());
            if (timeToLive.attributeName() != null) {
                ttl.put("AttributeName", timeToLive.attributeName());
            }
            putTime(ttl, "LastUpdateDateTime", timeToLive.lastUpdate());
        }
        if (!table.tags().isEmpty()) {
            ArrayNode tags = node.putArray("Tags");
            table.tags().forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        }
        if (!table.kinesisDataStreamDestinations().isEmpty()) {
            node.set("KinesisDataStreamDestinations", kinesisDestinations(table.kinesisDataStreamDestinations()));
        }
        return node;
    }

    /** {@code KinesisDataStreamDestinations} as DescribeKinesisStreamingDestination lists them. */
    public static ArrayNode kinesisDestinations(List<KinesisDataStreamDestination> destinations) {
        ArrayNode list = Json.array();
        for (KinesisDataStreamDestination destination : destinations) {
            ObjectNode entry = list.addObject()
                    .put("StreamArn", destination.streamArn())
                    .put("DestinationStatus", destination.destinationStatus());
            if (destination.destinationStatusDescription() != null) {
                entry.put("DestinationStatusDescription", destination.destinationStatusDescription());
            }
            if (destination.precision() != null) {
                entry.put("ApproximateCreationDateTimePrecision", destination.precision());
            }
        }
        return list;
    }

    private static List<KinesisDataStreamDestination> kinesisDestinations(JsonNode list) {
        List<KinesisDataStreamDestination> destinations = new ArrayList<>();
        for (JsonNode entry : list) {
            destinations.add(new KinesisDataStreamDestination(text(entry, "StreamArn"), text(entry, "DestinationStatus"),
                    text(entry, "DestinationStatusDescription"), text(entry, "ApproximateCreationDateTimePrecision")));
        }
        return destinations;
    }

    public static byte[] toBytes(TableDescription table) {
        return Json.write(writeStored(table));
    }

    public static TableDescription fromBytes(byte[] bytes) {
        return read(Json.read(bytes));
    }

    /** @throws IllegalArgumentException when the JSON is no TableDescription (a key attribute without a definition, ...) */
    public static TableDescription read(JsonNode node) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        for (JsonNode definition : node.path("AttributeDefinitions")) {
            definitions.add(new AttributeDefinition(text(definition, "AttributeName"),
                    ScalarAttributeType.valueOf(text(definition, "AttributeType"))));
        }
        List<LocalSecondaryIndex> locals = new ArrayList<>();
        for (JsonNode index : node.path("LocalSecondaryIndexes")) {
            locals.add(new LocalSecondaryIndex(text(index, "IndexName"), keySchema(index, definitions),
                    projection(index), index.path("IndexSizeBytes").longValue(0), index.path("ItemCount").longValue(0),
                    text(index, "IndexArn")));
        }
        List<GlobalSecondaryIndex> globals = new ArrayList<>();
        for (JsonNode index : node.path("GlobalSecondaryIndexes")) {
            JsonNode backfilling = index.get("Backfilling");
            globals.add(new GlobalSecondaryIndex(text(index, "IndexName"), keySchema(index, definitions),
                    projection(index), IndexStatus.valueOf(index.path("IndexStatus").stringValue("ACTIVE")),
                    backfilling == null || backfilling.isNull() ? null : backfilling.booleanValue(),
                    throughput(index.path("ProvisionedThroughput")), index.path("IndexSizeBytes").longValue(0),
                    index.path("ItemCount").longValue(0), text(index, "IndexArn"), onDemandThroughput(index)));
        }
        JsonNode billing = node.get("BillingModeSummary");
        JsonNode stream = node.get("StreamSpecification");
        JsonNode ttl = node.get("TimeToLive");
        JsonNode restore = node.get("RestoreSummary");
        // descriptions stored before SSESpecification was accepted have none: the default key
        JsonNode sse = node.get("SSEDescription");
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : node.path("Tags")) {
            tags.put(text(tag, "Key"), tag.path("Value").stringValue(""));
        }
        return new TableDescription(
                text(node, "TableName"),
                text(node, "TableId"),
                text(node, "TableArn"),
                TableStatus.valueOf(node.path("TableStatus").stringValue("ACTIVE")),
                time(node.get("CreationDateTime")),
                definitions,
                keySchema(node, definitions),
                throughput(node.path("ProvisionedThroughput")),
                billing == null ? null : new BillingModeSummary(BillingMode.valueOf(text(billing, "BillingMode")),
                        time(billing.get("LastUpdateToPayPerRequestDateTime"))),
                locals,
                globals,
                stream == null ? null : new StreamSpecification(stream.path("StreamEnabled").booleanValue(false),
                        StreamViewType.valueOf(text(stream, "StreamViewType"))),
                text(node, "LatestStreamLabel"),
                text(node, "LatestStreamArn"),
                node.path("DeletionProtectionEnabled").booleanValue(false),
                node.path("TableSizeBytes").longValue(0),
                node.path("ItemCount").longValue(0),
                ttl == null || ttl.isNull() ? null : new TimeToLive(ttl.path("Enabled").booleanValue(false),
                        text(ttl, "AttributeName"), time(ttl.get("LastUpdateDateTime"))),
                tags,
                onDemandThroughput(node),
                restore == null || restore.isNull() ? null : new RestoreSummary(text(restore, "SourceBackupArn"),
                        text(restore, "SourceTableArn"), time(restore.get("RestoreDateTime")),
                        restore.path("RestoreInProgress").booleanValue(false)),
                sse == null || sse.isNull() ? null : new SseDescription(text(sse, "Status"), text(sse, "SSEType"),
                        text(sse, "KMSMasterKeyArn")),
                kinesisDestinations(node.path("KinesisDataStreamDestinations")));
    }

    /** Absent in descriptions stored before on-demand maximums existed: none. */
    private static OnDemandThroughput onDemandThroughput(JsonNode tableOrIndex) {
        JsonNode node = tableOrIndex.get("OnDemandThroughput");
        if (node == null || node.isNull()) {
            return null;
        }
        return OnDemandThroughput.of(units(node.get("MaxReadRequestUnits")), units(node.get("MaxWriteRequestUnits")));
    }

    private static Long units(JsonNode value) {
        return value == null || value.isNull() ? null : value.longValue();
    }

    /** A KeySchema as DynamoDB writes it (HASH first): in a TableDescription, an index, a DescribeStream answer. */
    public static ArrayNode keySchema(KeySchema key) {
        ArrayNode elements = Json.array();
        elements.addObject().put("AttributeName", key.hashKey()).put("KeyType", HASH);
        if (key.hasRangeKey()) {
            elements.addObject().put("AttributeName", key.rangeKey()).put("KeyType", RANGE);
        }
        return elements;
    }

    /** A KeySchema with its attributes' types, which the JSON gives in AttributeDefinitions. */
    private static KeySchema keySchema(JsonNode tableOrIndex, List<AttributeDefinition> definitions) {
        String hash = null;
        String range = null;
        for (JsonNode element : tableOrIndex.path("KeySchema")) {
            if (HASH.equals(text(element, "KeyType"))) {
                hash = text(element, "AttributeName");
            } else {
                range = text(element, "AttributeName");
            }
        }
        ScalarAttributeType hashType = type(hash, definitions);
        ScalarAttributeType rangeType = range == null ? null : type(range, definitions);
        if (hash == null || hashType == null || (range != null && rangeType == null)) {
            throw new IllegalArgumentException("TableDescription without a usable KeySchema: " + tableOrIndex.path("KeySchema"));
        }
        return new KeySchema(hash, hashType, range, rangeType);
    }

    private static ScalarAttributeType type(String attributeName, List<AttributeDefinition> definitions) {
        for (AttributeDefinition definition : definitions) {
            if (definition.attributeName().equals(attributeName)) {
                return definition.attributeType();
            }
        }
        return null;
    }

    private static ObjectNode index(SecondaryIndex index) {
        ObjectNode node = Json.object();
        node.put("IndexName", index.indexName());
        node.set("KeySchema", keySchema(index.keySchema()));
        ObjectNode projection = node.putObject("Projection").put("ProjectionType", index.projection().projectionType().name());
        if (!index.projection().nonKeyAttributes().isEmpty()) {
            ArrayNode attributes = projection.putArray("NonKeyAttributes");
            index.projection().nonKeyAttributes().forEach(attributes::add);
        }
        node.put("IndexSizeBytes", index.indexSizeBytes());
        node.put("ItemCount", index.itemCount());
        node.put("IndexArn", index.indexArn());
        return node;
    }

    private static Projection projection(JsonNode index) {
        JsonNode projection = index.path("Projection");
        List<String> nonKeyAttributes = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(name -> nonKeyAttributes.add(name.stringValue()));
        return new Projection(ProjectionType.valueOf(projection.path("ProjectionType").stringValue("ALL")), nonKeyAttributes);
    }

    private static ObjectNode throughput(ProvisionedThroughputDescription throughput) {
        ObjectNode node = Json.object();
        putTime(node, "LastIncreaseDateTime", throughput.lastIncreaseDateTime());
        putTime(node, "LastDecreaseDateTime", throughput.lastDecreaseDateTime());
        node.put("NumberOfDecreasesToday", throughput.numberOfDecreasesToday());
        node.put("ReadCapacityUnits", throughput.readCapacityUnits());
        node.put("WriteCapacityUnits", throughput.writeCapacityUnits());
        return node;
    }

    private static ProvisionedThroughputDescription throughput(JsonNode node) {
        return new ProvisionedThroughputDescription(time(node.get("LastIncreaseDateTime")),
                time(node.get("LastDecreaseDateTime")), node.path("NumberOfDecreasesToday").longValue(0),
                node.path("ReadCapacityUnits").longValue(0), node.path("WriteCapacityUnits").longValue(0));
    }

    /** Epoch seconds with a fraction (milliseconds), as DynamoDB writes date-times. */
    private static void putTime(ObjectNode node, String name, Instant time) {
        if (time != null) {
            node.put(name, time.toEpochMilli() / 1000.0);
        }
    }

    private static Instant time(JsonNode seconds) {
        return seconds == null || seconds.isNull() ? null : Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.stringValue();
    }
}
