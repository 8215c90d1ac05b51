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
}
