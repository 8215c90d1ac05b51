package dev.ddb.gateway.resilience;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * The clock of the per-request time limits: a hashed wheel (Netty's) ticking every
 * {@value #TICK_MILLIS} ms on one daemon thread. Every forwarded request arms a timeout and almost
 * always cancels it a few hundred microseconds later; on Reactor's default parallel scheduler each
 * of those is a {@code ScheduledThreadPoolExecutor} insertion that wakes the timer thread (measured
 * at about a tenth of the gateway's CPU per GetItem), on the wheel it is an enqueue and a flag, and
 * the wheel's thread wakes once per tick whatever the load. A time limit fires up to one tick late.
 *
 * <p>Only delayed tasks are what it is for ({@code Mono.timeout(Duration, Scheduler)} arms a
 * {@code Mono.delay}); a task without a delay runs on the wheel's next tick.
 */
final class TimeoutScheduler implements Scheduler {

    static final long TICK_MILLIS = 10;

    /** One wheel for the JVM (Netty warns about many): contexts come and go in tests, the wheel stays. */
    static final TimeoutScheduler INSTANCE = new TimeoutScheduler();

    private final Timer timer = new HashedWheelTimer(daemonThreads(), TICK_MILLIS, TimeUnit.MILLISECONDS, 512);

    private TimeoutScheduler() {
    }

    @Override
    public Disposable schedule(Runnable task) {
        return schedule(task, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        Timeout timeout;
        try {
            timeout = timer.newTimeout(expired -> task.run(), delay, unit);
        } catch (IllegalStateException stopped) {
            throw new RejectedExecutionException(stopped);
        }
        return new Disposable() {
            @Override
            public void dispose() {
                timeout.cancel();
            }

            @Override
            public boolean isDisposed() {
                return timeout.isCancelled() || timeout.isExpired();
            }
        };
    }

    @Override
    public Worker createWorker() {
        return new Worker() {
            private final Disposable.Composite tasks = Disposables.composite();

            @Override
            public Disposable schedule(Runnable task) {
                return schedule(task, 0, TimeUnit.MILLISECONDS);
            }

            @Override
            public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
                if (tasks.isDisposed()) {
                    throw new RejectedExecutionException("Worker disposed");
                }
                Disposable[] handle = new Disposable[1];
                handle[0] = TimeoutScheduler.this.schedule(() -> {
                    Disposable self = handle[0];
                    if (self != null) {
                        tasks.remove(self);
                    }
                    task.run();
                }, delay, unit);
                tasks.add(handle[0]);
                return handle[0];
            }

            @Override
            public void dispose() {
                tasks.dispose();
            }

            @Override
            public boolean isDisposed() {
                return tasks.isDisposed();
            }
        };
    }

    /** Never stopped: the wheel is shared by every gateway context of the JVM, and its thread is a daemon. */
    @Override
    public void dispose() {
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "ddb-gateway-timeouts");
            thread.setDaemon(true);
            return thread;
        };
    }
}
