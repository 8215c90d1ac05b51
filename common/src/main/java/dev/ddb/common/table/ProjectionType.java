package dev.ddb.common.table;

/** Which attributes a secondary index holds besides the keys. */
public enum ProjectionType {
    KEYS_ONLY, INCLUDE, ALL
}
