package dev.ddb.common.protocol;

import java.util.concurrent.CompletableFuture;

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
