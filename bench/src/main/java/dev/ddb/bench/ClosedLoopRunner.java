package dev.ddb.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * A closed loop of {@code concurrency} request chains (YCSB's threads): each sends its next request
 * when the previous one has answered, until the time is up. Latency is measured from sending to the
 * answer, in microseconds; a closed loop does not correct for coordinated omission, so the high
 * percentiles are those of a client that waits, as SDK users' threads do.
 */
final class ClosedLoopRunner {

    private ClosedLoopRunner() {
    }

    /** The outcome of one timed run. */
    record Run(long succeeded, long failed, long elapsedNanos, Histogram latencyMicros, String firstError) {
        double opsPerSecond() {
            return elapsedNanos == 0 ? 0 : succeeded * 1e9 / elapsedNanos;
        }
    }

    static Run run(DynamoDbAsyncClient client, Dataset data, Workload workload, int concurrency, Duration duration)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        AtomicLong lastAnswer = new AtomicLong(start);

        class Chain {
            void next() {
                long sent = System.nanoTime();
                if (sent - deadline >= 0) {
                    finished.countDown();
                    return;
                }
                CompletableFuture<?> answer;
                try {
                    answer = workload.issue(client, data, ThreadLocalRandom.current());
                } catch (Throwable e) {
                    answer = CompletableFuture.failedFuture(e);
                }
                answer.whenComplete((response, error) -> {
                    long now = System.nanoTime();
                    lastAnswer.accumulateAndGet(now, Math::max);
                    if (error == null) {
                        recorder.recordValue(Math.max(1, (now - sent) / 1_000));
                        succeeded.incrementAndGet();
                        try {
                            next();
                        } catch (Throwable unexpected) {
                            failed(unexpected);
                        }
                    } else {
                        failed(error);
                    }
                });
            }

            private void failed(Throwable error) {
                failed.incrementAndGet();
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                firstError.compareAndSet(null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
                // off this stack: a request that fails at once must not recurse without bound
                ForkJoinPool.commonPool().execute(this::next);
            }
        }
        for (int i = 0; i < concurrency; i++) {
            new Chain().next();
        }
        if (!finished.await(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(workload.title() + ": requests still open 120 s after the end of the run");
        }
        return new Run(succeeded.get(), failed.get(), lastAnswer.get() - start, recorder.getIntervalHistogram(), firstError.get());
    }
}
