package dev.ddb.item.storage;

/** Told of each group commit written to the write-ahead log, on the committing thread: must return at once. */
@FunctionalInterface
public interface GroupCommitObserver {

    GroupCommitObserver NONE = (changes, bytes, syncNanos) -> { };

    /**
     * @param changes   the changes (sequence numbers) the group made durable
     * @param bytes     the bytes written to the log
     * @param syncNanos the time the log write and its fdatasync took
     */
    void groupCommitted(long changes, int bytes, long syncNanos);
}
