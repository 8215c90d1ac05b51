package dev.ddb.gateway.access.request;

/**
 * Finds the partition key attribute of a table or index for {@code dynamodb:LeadingKeys}, or says
 * that no policy asks for leading keys (then none are computed and no key schema is looked up).
 */
final class PartitionKeys {

    /**
     * @param tracked whether leading keys are computed at all
     * @param name    the partition key attribute; null when tracked but unknown (unknown table or index)
     */
    record Found(boolean tracked, String name) {
        static final Found NOT_TRACKED = new Found(false, null);
    }

    private final KeySchemas schemas;

    /** @param schemas null when no policy names dynamodb:LeadingKeys */
    PartitionKeys(KeySchemas schemas) {
        this.schemas = schemas;
    }

    Found of(String tableName, String indexName) {
        if (schemas == null) {
            return Found.NOT_TRACKED;
        }
        if (tableName == null) {
            return new Found(true, null);
        }
        return new Found(true, schemas.keysOf(DynamoDbArns.tableName(tableName))
                .flatMap(keys -> keys.partitionKeyOf(indexName)).orElse(null));
    }
}
