package dev.ddb.table.metadata;

/** The IndexStatus of a global secondary index, as DynamoDB names it. */
public enum IndexStatus {
    CREATING, UPDATING, DELETING, ACTIVE
}
