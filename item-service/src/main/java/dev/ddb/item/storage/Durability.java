package dev.ddb.item.storage;

/** When a write is acknowledged relative to reaching the disk. */
public enum Durability {
    /** After a (group) commit and fsync that includes it. */
    SYNC,
    /** At once; a background commit follows within a second. A crash loses what was not yet committed. */
    ASYNC
}
