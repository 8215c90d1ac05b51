package dev.ddb.common.event;

/** The Kafka topics of the suite (see ARCHITECTURE.md). */
public final class Topics {

    /** Compacted, keyed by table name: the latest description of each table, a tombstone-free DELETED event when gone. */
    public static final String TABLE_EVENTS = "ddb.table-events";
    /** Keyed by table + partition key: every item change, from item-service's outbox. */
    public static final String ITEM_CHANGES = "ddb.item-changes";

    private Topics() {
    }

    /** The per-table topic of DynamoDB Streams records. */
    public static String streamTopic(String tableName) {
        return "ddb.stream." + tableName;
    }
}
