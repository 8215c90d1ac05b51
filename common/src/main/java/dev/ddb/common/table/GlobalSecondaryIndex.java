package dev.ddb.common.table;

/**
 * A GlobalSecondaryIndexDescription.
 *
 * @param backfilling true while an index added to an existing table is filled from its items;
 *                    null when DynamoDB shows no Backfilling member
 */
public record GlobalSecondaryIndex(String indexName, KeySchema keySchema, Projection projection,
                                   IndexStatus indexStatus, Boolean backfilling,
                                   ProvisionedThroughputDescription provisionedThroughput,
                                   long indexSizeBytes, long itemCount, String indexArn) implements SecondaryIndex {

    @Override
    public boolean global() {
        return true;
    }

    public GlobalSecondaryIndex withStatus(IndexStatus status, Boolean backfilling) {
        return new GlobalSecondaryIndex(indexName, keySchema, projection, status, backfilling, provisionedThroughput,
                indexSizeBytes, itemCount, indexArn);
    }

    public GlobalSecondaryIndex withProvisionedThroughput(ProvisionedThroughputDescription throughput) {
        return new GlobalSecondaryIndex(indexName, keySchema, projection, indexStatus, backfilling, throughput,
                indexSizeBytes, itemCount, indexArn);
    }

    public GlobalSecondaryIndex withStatistics(long sizeBytes, long count) {
        return new GlobalSecondaryIndex(indexName, keySchema, projection, indexStatus, backfilling, provisionedThroughput,
                sizeBytes, count, indexArn);
    }
}
