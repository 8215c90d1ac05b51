package dev.ddb.common.table;

/** What a global and a local secondary index have in common: a name, a key and a projection. */
public sealed interface SecondaryIndex permits GlobalSecondaryIndex, LocalSecondaryIndex {

    String indexName();

    KeySchema keySchema();

    Projection projection();

    String indexArn();

    long indexSizeBytes();

    long itemCount();

    boolean global();

    /** Same kind, name, key and projection: the same index whatever its status and statistics. */
    default boolean sameDefinition(SecondaryIndex other) {
        return global() == other.global() && indexName().equals(other.indexName())
                && keySchema().equals(other.keySchema()) && projection().equals(other.projection());
    }
}
