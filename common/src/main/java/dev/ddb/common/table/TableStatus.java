package dev.ddb.common.table;

/** A table's TableStatus. This server goes through CREATING and DELETING only while item-service is called. */
public enum TableStatus {
    CREATING, UPDATING, DELETING, ACTIVE
}
