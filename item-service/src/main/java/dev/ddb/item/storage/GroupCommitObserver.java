package dev.ddb.item.storage;

/** Told of each group commit and checkpoint, on the committing thread: must return at once. */
public interface GroupCommitObserver {

    GroupCommitObserver NONE = new GroupCommitObserver() {
        @Override
        public void groupCommitted(long changes, int bytes, long syncNanos) {
        }

        @Override
        public void checkpointed(long writersHeldNanos, long syncNanos) {
        }
    };

    /**
     * @param changes   the changes (sequence numbers) the group made durable
     * @param bytes     the bytes written to the log
     * @param syncNanos the time the log write and its fdatasync took
     */
    void groupCommitted(long changes, int bytes, long syncNanos);

    /**
     * @param writersHeldNanos how long writers waited for the MVStore commit (its pages written, not yet synced)
     * @param syncNanos        the fsync after it, which writers do not wait for
     */
    void checkpointed(long writersHeldNanos, long syncNanos);
}
