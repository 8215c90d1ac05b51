package dev.ddb.common.event;

import dev.ddb.common.region.Regions;

/** The Kafka topics of the suite (see ARCHITECTURE.md). */
public final class Topics {

    /** Compacted, keyed by table name (<region>/<name> outside the default region, see Regions.tableKey): the latest description of each table, a tombstone-free DELETED event when gone. */
    public static final String TABLE_EVENTS = "ddb.table-events";
    /** Keyed by table + partition key: every item change, from item-service's outbox. */
    public static final String ITEM_CHANGES = "ddb.item-changes";

    private Topics() {
    }

    /** The per-table topic of DynamoDB Streams records of a table in the default region. */
    public static String streamTopic(String tableName) {
        return "ddb.stream." + tableName;
    }

    /**
     * The per-table topic of DynamoDB Streams records: {@code ddb.stream.<TableName>} in the default
     * region, {@code ddb.stream.<region>.<TableName>} in any other. (A default-region table whose name
     * looks like {@code <region>.<name>}, e.g. {@code eu-west-1.Music}, shares its topic name with that
     * region's table {@code Music}; region names have dashes, so this takes a deliberately odd name.)
     */
    public static String streamTopic(String region, String tableName) {
        return Regions.isDefault(region) ? streamTopic(tableName) : "ddb.stream." + region + "." + tableName;
    }

    /**
     * The topic standing in for a Kinesis data stream that tables replicate to
     * (EnableKinesisStreamingDestination): {@code ddb.kinesis.<StreamName>} for a stream of the
     * default region, {@code ddb.kinesis.<region>.<StreamName>} for any other, as stream topics are
     * named. The prefix keeps a stream name from ever meaning one of the suite's own topics
     * ({@code ddb.item-changes}) or a user's unrelated topic; the region keeps two regions' streams
     * of one name apart, as Kinesis does.
     */
    public static String kinesisTopic(String region, String streamName) {
        return Regions.isDefault(region) ? "ddb.kinesis." + streamName : "ddb.kinesis." + region + "." + streamName;
    }
}
