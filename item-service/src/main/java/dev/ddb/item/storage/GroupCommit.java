package dev.ddb.item.storage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.h2.mvstore.MVStore;

import dev.ddb.common.protocol.DurabilityWait;

/**
 * Makes writes durable on one background thread. A writer applies its changes to the maps (and
 * appends its log record) while holding {@link #writeScope()}, then (with SYNC durability) waits
 * in {@link #awaitDurable()} for the next group commit: the records appended meanwhile are written
 * to the {@link WriteAheadLog} with one fdatasync, and every writer of the group is woken once, by
 * the group's future. The next group's writes are applied while the disk works.
 *
 * <p>About once a second (or when the log segment is half full, or for a control operation) the
 * group commit is a checkpoint instead: an MVStore commit and fsync, after which the log starts
 * over. The commit takes the exclusive side of the lock, so it never captures half of a write set.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    /**
     * ASYNC: how long writes gather before one log write and fdatasync, and so the most a crash
     * loses. Short enough that changes reach the relay (which publishes only logged ones) steadily
     * rather than in bursts of a second's writes, which stalled every client while Kafka took them.
     */
    private static final long ASYNC_INTERVAL_MILLIS = 100;
    /** Bounds the log a restart replays, and how long outbox removals wait to be stored. */
    static final long CHECKPOINT_INTERVAL_MILLIS = 1000;
    private static final long CHECKPOINT_LOG_BYTES = WriteAheadLog.SEGMENT_BYTES / 2;
    /** With auto-commit off MVStore's own housekeeping thread does not run, so this thread compacts. */
    static final long HOUSEKEEPING_INTERVAL_MILLIS = 30_000;
    private static final int TARGET_FILL_RATE = 50;
    private static final int COMPACTION_WRITE_BYTES = 16 * 1024 * 1024;

    private final MVStore store;
    private final WriteAheadLog log;
    private final Durability durability;
    private final LongSupplier lastSequence;
    private final long housekeepingIntervalMillis;
    private final long checkpointIntervalMillis;
    private volatile long durableSequence;
    private volatile Runnable onDurable = () -> { };
    private volatile GroupCommitObserver observer = GroupCommitObserver.NONE;
    private final ReadWriteLock commitLock = new ReentrantReadWriteLock();
    private final Object monitor = new Object();
    private final Thread committer;
    private final AtomicLong durabilityWaits = new AtomicLong();
    private long lastHousekeeping = System.currentTimeMillis();
    private long lastCheckpoint = System.currentTimeMillis();
    /** Completed once the next group commit is on disk; guarded by monitor. */
    private CompletableFuture<Void> nextCommit = new CompletableFuture<>();
    private boolean commitRequested;
    private boolean checkpointRequested;
    private boolean closed;
    private RuntimeException failure;

    /** @param lastSequence the newest change sequence applied to the maps; read while no write is half applied */
    GroupCommit(MVStore store, WriteAheadLog log, Durability durability, LongSupplier lastSequence,
                long housekeepingIntervalMillis, long checkpointIntervalMillis) {
        this.housekeepingIntervalMillis = housekeepingIntervalMillis;
        this.checkpointIntervalMillis = checkpointIntervalMillis;
        this.store = store;
        this.log = log;
        this.durability = durability;
        this.lastSequence = lastSequence;
        this.durableSequence = lastSequence.getAsLong();
        this.committer = new Thread(this::run, "item-store-commit");
        this.committer.setDaemon(true);
        this.committer.start();
    }

    /** Held while changing maps; a checkpoint waits until no write is half applied. */
    public Lock writeScope() {
        return commitLock.readLock();
    }

    /**
     * Returns once the writes applied before this call are on disk (SYNC), or at once (ASYNC). A
     * write run on the thread that read its request returns at once too: its dispatcher sends the
     * answer once the commit is on disk ({@link DurabilityWait}).
     */
    public void awaitDurable() {
        durabilityWaits.incrementAndGet();
        CompletableFuture<Void> commit = request(false);
        if (durability == Durability.SYNC && !DurabilityWait.defer(commit)) {
            await(commit);
        }
    }

    /** Takes a checkpoint now and waits for the disk; used by control operations such as creating a table. */
    public void commitNow() {
        await(request(true));
    }

    /** The group commit not yet started: it begins after this call, so it includes the caller's writes. */
    private CompletableFuture<Void> request(boolean checkpoint) {
        synchronized (monitor) {
            if (failure != null) {
                throw failure;
            }
            if (closed) {
                throw new IllegalStateException("Item store is closed");
            }
            checkpointRequested |= checkpoint;
            if (!commitRequested) {
                commitRequested = true;
                monitor.notify(); // only the committer waits on the monitor
            }
            return nextCommit;
        }
    }

    private static void await(CompletableFuture<Void> commit) {
        try {
            commit.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void run() {
        while (true) {
            CompletableFuture<Void> commit;
            boolean checkpoint;
            synchronized (monitor) {
                if (!closed && !commitRequested) {
                    try {
                        monitor.wait(Math.min(checkpointIntervalMillis, CHECKPOINT_INTERVAL_MILLIS));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed && !commitRequested) {
                    break;
                }
                commit = nextCommit;
                nextCommit = new CompletableFuture<>();
                checkpoint = checkpointRequested || closed;
                commitRequested = false;
                checkpointRequested = false;
            }
            if (durability == Durability.ASYNC && !checkpoint) {
                sleepQuietly(); // let writes gather: one log write per interval
            }
            try {
                if (checkpoint) {
                    checkpoint();
                } else {
                    writeLog();
                }
                commit.complete(null);
                if (!checkpoint && checkpointDue()) {
                    checkpoint(); // after answering the group: its writers need not wait for a store commit
                }
                compactWhenSparse();
            } catch (RuntimeException e) {
                fail(commit, e);
                return;
            }
        }
        try {
            checkpoint(); // a clean stop leaves nothing to replay
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Final checkpoint of the item store failed; the log is replayed at the next start", e);
        }
    }

    private void fail(CompletableFuture<Void> commit, RuntimeException e) {
        LOG.log(Level.SEVERE, "Commit of the item store failed", e);
        synchronized (monitor) {
            failure = e;
            nextCommit.completeExceptionally(e);
        }
        commit.completeExceptionally(e);
    }

    private boolean checkpointDue() {
        return System.currentTimeMillis() - lastCheckpoint >= checkpointIntervalMillis
                || log.position() >= CHECKPOINT_LOG_BYTES;
    }

    private void writeLog() {
        WriteAheadLog.Pending pending = log.takeBuffered();
        if (pending == null) {
            return; // an earlier group commit already wrote what the waiters applied
        }
        if (!log.fits(pending)) {
            checkpoint(); // the store's maps hold these changes: a checkpoint covers them
            return;
        }
        long started = System.nanoTime();
        log.writeAndSync(pending);
        observer.groupCommitted(pending.lastSequence() - durableSequence, pending.length(), System.nanoTime() - started);
        becameDurable(pending.lastSequence());
    }

    private void checkpoint() {
        lastCheckpoint = System.currentTimeMillis();
        if (!store.hasUnsavedChanges()) {
            return;
        }
        long sequence;
        long started = System.nanoTime();
        commitLock.writeLock().lock();
        long held;
        try {
            sequence = lastSequence.getAsLong();
            log.discardBuffered();
            store.commit();
        } finally {
            commitLock.writeLock().unlock();
            held = System.nanoTime() - started;
        }
        store.sync();
        log.checkpointed();
        observer.checkpointed(held, System.nanoTime() - started - held);
        becameDurable(sequence);
    }

    private void becameDurable(long sequence) {
        durableSequence = Math.max(durableSequence, sequence);
        onDurable.run();
    }

    /** Told of every group commit written to the log (metrics). */
    void observedBy(GroupCommitObserver observer) {
        this.observer = observer;
    }

    /** Called after every group commit is on disk, on the committing thread: must return at once (e.g. wake a thread). */
    public void onDurable(Runnable listener) {
        this.onDurable = listener;
    }

    /**
     * Rewrites sparse chunks now and then so the file does not grow with every overwrite; the
     * rewrite is stored with the next checkpoint. Writers wait meanwhile, so it is bounded.
     */
    private void compactWhenSparse() {
        long now = System.currentTimeMillis();
        if (now - lastHousekeeping < housekeepingIntervalMillis) {
            return;
        }
        lastHousekeeping = now;
        if (store.getFillRate() >= TARGET_FILL_RATE) {
            return;
        }
        commitLock.writeLock().lock();
        try {
            store.compact(TARGET_FILL_RATE, COMPACTION_WRITE_BYTES);
        } finally {
            commitLock.writeLock().unlock();
        }
    }

    /** How often a writer waited for durability: a write set waits once, however many items it changed. */
    public long durabilityWaits() {
        return durabilityWaits.get();
    }

    /** Every change with a sequence up to this one is on disk: the outbox relay may publish it. */
    public long durableSequence() {
        return durableSequence;
    }

    private static void sleepQuietly() {
        try {
            TimeUnit.MILLISECONDS.sleep(ASYNC_INTERVAL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        synchronized (monitor) {
            closed = true;
            monitor.notifyAll();
        }
        try {
            committer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (monitor) {
            nextCommit.completeExceptionally(new IllegalStateException("Item store is closed"));
        }
    }
}
