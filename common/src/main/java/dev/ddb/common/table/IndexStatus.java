package dev.ddb.common.table;

/** The IndexStatus of a global secondary index. */
public enum IndexStatus {
    CREATING, UPDATING, DELETING, ACTIVE
}
