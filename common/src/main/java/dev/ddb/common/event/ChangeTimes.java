package dev.ddb.common.event;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a change of a table's streams or Kinesis destinations starts to apply. Changes are routed
 * by the millisecond item-service stamped on them when the write was made ({@link ItemChange#timeMillis()}),
 * so a stream enabled or disabled "at" the millisecond a write was acknowledged in could take or
 * drop that write, depending on the race. The boundary is therefore the millisecond after the
 * one the request arrived in, and the request is answered only once the clock has reached it: a
 * write acknowledged before the request is stamped before the boundary, a write made after the
 * answer at or after it (on one clock: the standalone launcher's, or one host's under compose).
 */
public final class ChangeTimes {

    /** How long to wait for a clock that does not move (a test's fixed clock, a clock set back). */
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private ChangeTimes() {
    }

    /** The boundary: the next millisecond of {@code clock}, returned once the clock shows it (at most ~5 ms later). */
    public static long boundary(Clock clock) {
        long boundary = clock.millis() + 1;
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        while (clock.millis() < boundary && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000);
        }
        return boundary;
    }
}
