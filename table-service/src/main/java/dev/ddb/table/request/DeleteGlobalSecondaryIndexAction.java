package dev.ddb.table.request;

/** The Delete action of a GlobalSecondaryIndexUpdate. */
public record DeleteGlobalSecondaryIndexAction(String indexName) {
}
