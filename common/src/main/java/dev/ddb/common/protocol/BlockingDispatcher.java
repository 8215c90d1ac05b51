package dev.ddb.common.protocol;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ddb.common.error.DynamoDbException;

/**
 * A service's {@link OperationDispatcher} run on a bounded thread pool of its own. Operations block
 * (MVStore reads, group-commit waits, Kafka reads), so they stay off the Netty event loops; and a
 * pool per service means one service's slow calls cannot take the threads another one needs. Both
 * the service's HTTP endpoint and the gateway's in-process calls (standalone launcher) use it.
 *
 * <p>A service may name operations that never block (e.g. item-service's GetItem: a lookup in
 * MVStore's in-memory pages); those run on the caller's thread, the Netty event loop that read the
 * request, since the hand-off to the pool and back (two thread wake-ups, a queue, a cross-thread
 * write of the answer) costs more CPU than such an operation itself. A write among them (item-service's
 * PutItem, UpdateItem, DeleteItem) does not wait for its group commit there either: it leaves the
 * wait to this dispatcher ({@link DurabilityWait}), whose future completes, with the answer built
 * already, once the commit is on disk.
 */
public final class BlockingDispatcher implements AutoCloseable {

    /**
     * Most of an operation's time is spent waiting (for a group commit's fsync above all), and every
     * waiting writer adds to the next group commit, so the pool is several times the core count.
     */
    public static final int DEFAULT_THREADS = Math.max(8, 8 * Runtime.getRuntime().availableProcessors());

    private final OperationDispatcher dispatcher;
    private final ThreadPoolExecutor pool;
    /** The full {@code X-Amz-Target}s of the operations run on the caller's thread. */
    private final Set<String> inlineTargets;

    /** @param threads the pool's size; 0 or less means {@link #DEFAULT_THREADS} */
    public BlockingDispatcher(String serviceName, OperationDispatcher dispatcher, int threads) {
        this(serviceName, dispatcher, threads, Set.of());
    }

    /**
     * @param inlineTargets the {@code X-Amz-Target}s (e.g. {@code DynamoDB_20120810.GetItem}) of
     *                      operations that never block, run on the calling thread
     */
    public BlockingDispatcher(String serviceName, OperationDispatcher dispatcher, int threads, Set<String> inlineTargets) {
        this.dispatcher = dispatcher;
        this.inlineTargets = Set.copyOf(inlineTargets);
        int size = threads > 0 ? threads : DEFAULT_THREADS;
        // Unbounded queue: the number of requests in flight is bounded by the clients' connections.
        this.pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads(serviceName + "-dispatch-"));
        pool.allowCoreThreadTimeOut(true); // an idle service (backup-service today) keeps no threads
    }

    /**
     * Runs the operation on this service's pool. Fails with a {@link java.util.concurrent.RejectedExecutionException}
     * once the service is closed.
     */
    public CompletableFuture<Response> dispatch(String target, byte[] body) {
        return dispatch(RequestContext.DEFAULT, target, body);
    }

    /** The same for a request in {@code context}'s region. */
    public CompletableFuture<Response> dispatch(RequestContext context, String target, byte[] body) {
        if (target != null && inlineTargets.contains(target)) {
            if (pool.isShutdown()) {
                throw new RejectedExecutionException("The dispatcher is closed");
            }
            DurabilityWait durability = DurabilityWait.begin();
            Response response;
            try {
                response = dispatcher.dispatch(context, target, body);
            } catch (Throwable e) {
                durability.end();
                return CompletableFuture.failedFuture(e);
            }
            CompletableFuture<?> durable = durability.end();
            if (durable == null) {
                return CompletableFuture.completedFuture(response);
            }
            // Completes on the committing thread: callers on an event loop hand the answer back to it.
            // The operation's latency is recorded here, so that it includes the wait.
            return durable.handle((done, failure) -> {
                DynamoDbException error = failure == null ? null : OperationDispatcher.unexpected(target, failure);
                durability.observe(error);
                return error == null ? response : OperationDispatcher.error(error);
            });
        }
        return CompletableFuture.supplyAsync(() -> dispatcher.dispatch(context, target, body), pool);
    }

    public int threads() {
        return pool.getMaximumPoolSize();
    }

    /** Lets the running operations finish (a few seconds at most), refuses new ones. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
