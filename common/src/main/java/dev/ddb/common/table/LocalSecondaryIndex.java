package dev.ddb.common.table;

/** A LocalSecondaryIndexDescription: created with the table, it shares the table's partition key and capacity. */
public record LocalSecondaryIndex(String indexName, KeySchema keySchema, Projection projection,
                                  long indexSizeBytes, long itemCount, String indexArn) implements SecondaryIndex {

    @Override
    public boolean global() {
        return false;
    }

    public LocalSecondaryIndex withStatistics(long sizeBytes, long count) {
        return new LocalSecondaryIndex(indexName, keySchema, projection, sizeBytes, count, indexArn);
    }
}
