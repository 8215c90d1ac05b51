package dev.ddb.item.storage;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.h2.mvstore.MVStore;

/**
 * Commits the store on one background thread. A writer applies its changes to the maps while
 * holding {@link #writeScope()}, then (with SYNC durability) waits in {@link #awaitDurable()} until
 * a commit that includes them has been fsynced; writers that arrive together share one commit.
 * The commit itself takes the exclusive side of the lock, so it never captures half of a write
 * that touches several maps.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    private static final long ASYNC_INTERVAL_MILLIS = 1000;
    /** With auto-commit off MVStore's own housekeeping thread does not run, so this thread compacts. */
    static final long HOUSEKEEPING_INTERVAL_MILLIS = 30_000;
    private static final int TARGET_FILL_RATE = 50;
    private static final int COMPACTION_WRITE_BYTES = 16 * 1024 * 1024;

    private final MVStore store;
    private final Durability durability;
    private final LongSupplier lastSequence;
    private final long housekeepingIntervalMillis;
    private volatile long durableSequence;
    private volatile Runnable onDurable = () -> { };
    private final ReadWriteLock commitLock = new ReentrantReadWriteLock();
    private final Object monitor = new Object();
    private final Thread committer;
    private long lastHousekeeping = System.currentTimeMillis();
    private long requested;
    private long durable;
    private boolean closed;
    private RuntimeException failure;
    private final java.util.concurrent.atomic.AtomicLong durabilityWaits = new java.util.concurrent.atomic.AtomicLong();

    /** @param lastSequence the newest change sequence applied to the maps; read while no write is half applied */
    public GroupCommit(MVStore store, Durability durability, LongSupplier lastSequence, long housekeepingIntervalMillis) {
        this.housekeepingIntervalMillis = housekeepingIntervalMillis;
        this.store = store;
        this.durability = durability;
        this.lastSequence = lastSequence;
        this.durableSequence = lastSequence.getAsLong();
        this.committer = new Thread(this::run, "item-store-commit");
        this.committer.setDaemon(true);
        this.committer.start();
    }

    /** Held while changing maps; a commit waits until no write is half applied. */
    public java.util.concurrent.locks.Lock writeScope() {
        return commitLock.readLock();
    }

    /** Returns once the writes applied before this call are on disk (SYNC), or at once (ASYNC). */
    public void awaitDurable() {
        durabilityWaits.incrementAndGet();
        synchronized (monitor) {
            long ticket = ++requested;
            monitor.notifyAll();
            if (durability == Durability.ASYNC) {
                return;
            }
            while (durable < ticket) {
                if (failure != null) {
                    throw failure;
                }
                if (closed) {
                    throw new IllegalStateException("Item store is closed");
                }
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for commit", e);
                }
            }
        }
    }

    private void run() {
        while (true) {
            long target;
            synchronized (monitor) {
                while (!closed && requested == durable) {
                    try {
                        monitor.wait(ASYNC_INTERVAL_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed && requested == durable) {
                    return;
                }
                target = requested;
            }
            if (durability == Durability.ASYNC && !closed) {
                sleepQuietly(); // let writes gather: one commit a second
            }
            try {
                commitAndSync();
                synchronized (monitor) {
                    durable = Math.max(durable, target);
                    monitor.notifyAll();
                }
                compactWhenSparse();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Commit of the item store failed", e);
                synchronized (monitor) {
                    failure = e;
                    monitor.notifyAll();
                }
                return;
            }
        }
    }

    /** Commits now and waits for the disk; used by control operations such as creating a table. */
    public void commitNow() {
        commitAndSync();
    }

    private void commitAndSync() {
        long sequence;
        commitLock.writeLock().lock();
        try {
            sequence = lastSequence.getAsLong();
            store.commit();
        } finally {
            commitLock.writeLock().unlock();
        }
        store.sync();
        durableSequence = Math.max(durableSequence, sequence);
        onDurable.run();
    }

    /** Called after every commit is on disk, on the committing thread: must return at once (e.g. wake a thread). */
    public void onDurable(Runnable listener) {
        this.onDurable = listener;
    }

    /**
     * Rewrites sparse chunks now and then so the file does not grow with every overwrite; the
     * rewrite is committed with the next group commit. Writers wait meanwhile, so it is bounded.
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
    }
}
