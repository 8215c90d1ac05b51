package dev.ddb.backup.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class InternalRetryTest {

    /** Fails with an InternalCallException until it has been called {@code failures} times, then answers how often. */
    private static class Flaky {
        final AtomicInteger calls = new AtomicInteger();
        final int failures;

        Flaky(int failures) {
            this.failures = failures;
        }

        int call() {
            int call = calls.incrementAndGet();
            if (call <= failures) {
                throw new InternalCallException("failure " + call);
            }
            return call;
        }
    }

    @Test
    void aCallThatWorksInTheEndAnswersWhatItsLastTryAnswered() {
        Flaky flaky = new Flaky(3);

        assertThat(InternalRetry.attempts(5, 1, () -> false).call(flaky::call)).isEqualTo(4);
        assertThat(flaky.calls).hasValue(4);
    }

    @Test
    void attemptsGivesUpWithTheLastFailureAfterItsAttempts() {
        Flaky flaky = new Flaky(Integer.MAX_VALUE);

        assertThatThrownBy(() -> InternalRetry.attempts(3, 1, () -> false).call(flaky::call))
                .isInstanceOf(InternalCallException.class).hasMessage("failure 3");
        assertThat(flaky.calls).hasValue(3);
    }

    @Test
    void untilStoppedTriesFurtherAndFurtherApartUntilItsOwnerStops() {
        AtomicBoolean stopped = new AtomicBoolean();
        Flaky flaky = new Flaky(Integer.MAX_VALUE) {
            @Override
            int call() {
                if (calls.get() == 5) {
                    stopped.set(true);
                }
                return super.call();
            }
        };
        long start = System.nanoTime();

        assertThatThrownBy(() -> InternalRetry.untilStopped("a test", 10, 40, 2, stopped::get).call(flaky::call))
                .isInstanceOf(InternalCallException.class).hasMessage("failure 6");
        // pauses of 10, 20, 40, 40 and 40 ms between the six calls; the stop is seen right after the sixth
        assertThat(flaky.calls).hasValue(6);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(150_000_000L);
    }

    @Test
    void anInterruptedThreadStopsRetryingAndKeepsItsInterrupt() {
        Flaky flaky = new Flaky(Integer.MAX_VALUE);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> InternalRetry.untilStopped("a test", 1000, 1000, 10, () -> false).call(flaky::call))
                    .isInstanceOf(InternalCallException.class).hasMessage("failure 1");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> InternalRetry.untilStopped("a test", 1, 1, 10, () -> false).run(() -> {
            calls.incrementAndGet();
            throw new RestoreRefusedException("refused");
        })).isInstanceOf(RestoreRefusedException.class);
        assertThat(calls).hasValue(1);
    }
}
