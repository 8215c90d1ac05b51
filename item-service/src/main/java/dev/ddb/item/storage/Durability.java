package dev.ddb.item.storage;

/** When a write is acknowledged relative to reaching the disk. */
public enum Durability {
    /** After a group commit that includes it is on disk (the write-ahead log's fdatasync, or a checkpoint's fsync). */
    SYNC,
    /** At once; the log is written within a second. A crash loses what was not yet written. */
    ASYNC
}
