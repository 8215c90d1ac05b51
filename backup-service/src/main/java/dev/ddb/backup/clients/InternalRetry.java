package dev.ddb.backup.clients;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a background job (an import, a restore) retries an internal call that failed with an
 * {@link InternalCallException}: a service restarting or unreachable. The pause after the first
 * failure grows by a factor after each further one, up to a most; the call is given up after a
 * number of attempts, or never. Either way it stops at once, rethrowing the failure, when its owner
 * stops (the job resumes at the next start) or its thread is interrupted.
 */
public final class InternalRetry {

    private static final Logger LOG = LoggerFactory.getLogger(InternalRetry.class);

    private final String job;
    private final int attempts;
    private final long firstPauseMillis;
    private final long mostPauseMillis;
    private final int warnEvery;
    private final BooleanSupplier stopped;

    private InternalRetry(String job, int attempts, long firstPauseMillis, long mostPauseMillis, int warnEvery,
                          BooleanSupplier stopped) {
        this.job = job;
        this.attempts = attempts;
        this.firstPauseMillis = firstPauseMillis;
        this.mostPauseMillis = mostPauseMillis;
        this.warnEvery = warnEvery;
        this.stopped = stopped;
    }

    /** At most {@code attempts} tries, {@code pauseMillis} apart; the last failure is thrown. Nothing is logged. */
    public static InternalRetry attempts(int attempts, long pauseMillis, BooleanSupplier stopped) {
        return new InternalRetry("", attempts, pauseMillis, pauseMillis, 0, stopped);
    }

    /**
     * Tries until the call works or the owner stops, the pause doubling from {@code firstPauseMillis} up to
     * {@code mostPauseMillis}; a warning naming the {@code job} is logged at the first failure and every
     * {@code warnEvery}th after it.
     */
    public static InternalRetry untilStopped(String job, long firstPauseMillis, long mostPauseMillis, int warnEvery,
                                             BooleanSupplier stopped) {
        return new InternalRetry(job, Integer.MAX_VALUE, firstPauseMillis, mostPauseMillis, warnEvery, stopped);
    }

    public <T> T call(Supplier<T> call) {
        long pause = firstPauseMillis;
        for (int failures = 1; ; failures++) {
            try {
                return call.get();
            } catch (InternalCallException e) {
                if (failures == attempts || stopped.getAsBoolean()) {
                    throw e;
                }
                if (warnEvery > 0 && (failures - 1) % warnEvery == 0) {
                    LOG.warn("Internal call of {} failed {} time(s) ({}); retrying", job, failures, e.getMessage());
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, mostPauseMillis);
            }
        }
    }

    /** For calls whose answer is not needed. */
    public void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}
