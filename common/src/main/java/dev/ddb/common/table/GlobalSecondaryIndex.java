package dev.ddb.common.table;

/**
 * A GlobalSecondaryIndexDescription.
 *
 * @param backfilling        true while an index added to an existing table is filled from its items;
 *                           null when DynamoDB shows no Backfilling member
 * @param onDemandThroughput the index's maximums while its table is PAY_PER_REQUEST (null: none)
 */
public record GlobalSecondaryIndex(String indexName, KeySchema keySchema, Projection projection,
                                   IndexStatus indexStatus, Boolean backfilling,
                                   ProvisionedThroughputDescription provisionedThroughput,
                                   long indexSizeBytes, long itemCount, String indexArn,
                                   OnDemandThroughput onDemandThroughput) implements SecondaryIndex {

    /** An index without on-demand maximums. */
    public GlobalSecondaryIndex(String indexName, KeySchema keySchema, Projection projection, IndexStatus indexStatus,
                                Boolean backfilling, ProvisionedThroughputDescription provisionedThroughput,
                                long indexSizeBytes, long itemCount, String indexArn) {
        this(indexName, keySchema, projection, indexStatus, backfilling, provisionedThroughput, indexSizeBytes, itemCount,
                indexArn, null);
    }

    @Override
    public boolean global() {
        return true;
    }

    public GlobalSecondaryIndex withStatus(IndexStatus status, Boolean backfilling) {
        return new GlobalSecondaryIndex(indexName, keySchema, projection, status, backfilling, provisionedThroughput,
                indexSizeBytes, itemCount, indexArn, onDemandThroughput);
    }

    public GlobalSecondaryIndex withProvisionedThroughput(ProvisionedThroughputDescription throughput) {
        return new GlobalSecondaryIndex(indexName, keySchema, projection, indexStatus, backfilling, throughput,
                indexSizeBytes, itemCount, indexArn, onDemandThroughput);
    }

    public GlobalSecondaryIndex withStatistics(long sizeBytes, long count) {
        return new GlobalSecondaryIndex(indexName, keySchema, projection, indexStatus, backfilling, provisionedThroughput,
                sizeBytes, count, indexArn, onDemandThroughput);
    }

    /** The index with these on-demand maximums (null: none). */
    public GlobalSecondaryIndex withOnDemandThroughput(OnDemandThroughput maximums) {
        return new GlobalSecondaryIndex(indexName, keySchema, projection, indexStatus, backfilling, provisionedThroughput,
                indexSizeBytes, itemCount, indexArn, maximums == null || maximums.isEmpty() ? null : maximums);
    }
}
