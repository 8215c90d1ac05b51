package dev.ddb.table.metadata;

/** The TableStatus values this service goes through. CREATING and DELETING last only while item-service is called. */
public enum TableStatus {
    CREATING, ACTIVE, DELETING
}
