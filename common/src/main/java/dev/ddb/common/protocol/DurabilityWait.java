package dev.ddb.common.protocol;

import java.util.concurrent.CompletableFuture;

import dev.ddb.common.error.DynamoDbException;

/**
 * Lets a write that runs on the thread that read its request (see {@link BlockingDispatcher}) hand
 * its wait for durability to the dispatcher instead of blocking that thread: the store registers
 * the group commit its changes are in, the operation builds its answer as usual, and the answer is
 * sent only once that commit is on disk. Acknowledged still means durable; the thread meanwhile
 * reads other requests instead of parking.
 */
public final class DurabilityWait {

    private static final ThreadLocal<DurabilityWait> CURRENT = new ThreadLocal<>();

    private final DurabilityWait outer;
    private CompletableFuture<?> pending;
    /** Told of the outcome once the wait is over (the operation's metrics); null for none. */
    private Observation observation;

    /** What to record once a write's wait for durability is over. */
    @FunctionalInterface
    interface Observation {
        /** @param failure the error the client gets because the commit failed; null once it is on disk */
        void completed(DynamoDbException failure);
    }

    private DurabilityWait(DurabilityWait outer) {
        this.outer = outer;
    }

    /**
     * Called by a store instead of blocking on {@code durable}, where a dispatcher takes the wait over.
     *
     * @return false when nobody takes it over on this thread: the caller must wait itself
     */
    public static boolean defer(CompletableFuture<?> durable) {
        DurabilityWait wait = CURRENT.get();
        if (wait == null) {
            return false;
        }
        wait.pending = wait.pending == null ? durable : CompletableFuture.allOf(wait.pending, durable);
        return true;
    }

    /**
     * Leaves {@code observation} to the end of the wait the operation running on this thread left,
     * so that its latency includes the wait: an acknowledged write is answered only then.
     *
     * @return false when it left nothing to wait for: the caller records at once
     */
    static boolean deferObservation(Observation observation) {
        DurabilityWait wait = CURRENT.get();
        if (wait == null || wait.pending == null) {
            return false;
        }
        wait.observation = observation;
        return true;
    }

    /** Records the deferred observation, if any, once the wait is over. */
    void observe(DynamoDbException failure) {
        if (observation != null) {
            observation.completed(failure);
        }
    }

    /** Starts taking over the waits of the operation about to run on this thread. */
    static DurabilityWait begin() {
        DurabilityWait wait = new DurabilityWait(CURRENT.get());
        CURRENT.set(wait);
        return wait;
    }

    /** Ends the operation's scope; null when it left nothing to wait for. */
    CompletableFuture<?> end() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
        return pending;
    }
}
