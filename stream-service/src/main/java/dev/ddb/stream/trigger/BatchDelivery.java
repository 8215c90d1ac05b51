package dev.ddb.stream.trigger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

import dev.ddb.stream.trigger.FunctionInvoker.InvokeResult;

/**
 * Hands one batch of a shard to the function as Lambda does for stream sources, in order:
 * <ul>
 * <li>a function error retries the batch (waiting {@code backoff}, doubled each time, at most 5 s),
 *     up to {@code MaximumRetryAttempts} retries (-1: without end);</li>
 * <li>with {@code BisectBatchOnFunctionError} a failed batch of two or more records is split in two
 *     halves, tried one after the other; splitting does not use up retries (Lambda: "splitting a batch
 *     does not count towards the retry quota"), so a half carries its parent's retry count;</li>
 * <li>with {@code ReportBatchItemFailures} a 2xx answer naming sequence numbers is a partial failure:
 *     the records before the first one named are done, the rest is retried (one retry used); a named
 *     sequence number that is not in the batch, or an answer that is no partial batch response, fails
 *     the whole batch;</li>
 * <li>records older than {@code MaximumRecordAgeInSeconds} (-1: no limit) are discarded instead of
 *     being sent, as are the records of a batch whose retries are used up.</li>
 * </ul>
 * The {@link Listener} hears, in shard order, each part that is done, so that progress is committed
 * right after it.
 */
public final class BatchDelivery {

    public static final String RETRY_ATTEMPTS_EXHAUSTED = "RetryAttemptsExhausted";
    public static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    /** What happened to the parts of a batch, in order. */
    public interface Listener {

        /** The records before {@code nextOffset} are done (delivered, filtered out or discarded). */
        void done(long nextOffset);

        /** Records given up on; {@link #done} follows. {@code last} is null when they were never sent. */
        void discarded(StreamBatch part, String condition, int invokeCount, InvokeResult last);

        /** The latest invocation's outcome, for LastProcessingResult. */
        default void invoked(InvokeResult result) {
        }
    }

    /** The settings of a mapping that decide retries. */
    public record Policy(int maximumRetryAttempts, int maximumRecordAgeInSeconds, boolean bisectBatchOnFunctionError,
                         boolean reportBatchItemFailures, Duration backoff) {

        static Policy of(EventSourceMapping mapping, Duration backoff) {
            return new Policy(mapping.maximumRetryAttempts(), mapping.maximumRecordAgeInSeconds(),
                    mapping.bisectBatchOnFunctionError(), mapping.reportsBatchItemFailures(), backoff);
        }
    }

    /** Waits between retries; a test can make it instant. */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final Policy policy;
    private final FunctionInvoker function;
    private final LongSupplier clockMillis;
    private final Sleeper sleeper;

    public BatchDelivery(Policy policy, FunctionInvoker function, LongSupplier clockMillis, Sleeper sleeper) {
        this.policy = policy;
        this.function = function;
        this.clockMillis = clockMillis;
        this.sleeper = sleeper;
    }

    private static final class Part {
        final StreamBatch batch;
        final int retries;
        int invokes;

        Part(StreamBatch batch, int retries, int invokes) {
            this.batch = batch;
            this.retries = retries;
            this.invokes = invokes;
        }
    }

    /** Delivers the batch or discards its parts; returns when all of it is done. Interruptible between attempts. */
    public void deliver(StreamBatch batch, Listener listener) throws InterruptedException {
        Deque<Part> pending = new ArrayDeque<>();
        pending.add(new Part(batch, 0, 0));
        while (!pending.isEmpty()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            Part part = pending.pollFirst();
            int expired = expiredRecords(part.batch);
            if (expired > 0) {
                StreamBatch old = part.batch.slice(0, expired);
                listener.discarded(old, RECORD_AGE_EXCEEDED, part.invokes, null);
                listener.done(old.endOffset());
                if (expired == part.batch.size()) {
                    continue;
                }
                part = new Part(part.batch.slice(expired, part.batch.size()), part.retries, part.invokes);
            }
            InvokeResult result = function.invoke(LambdaEvents.event(part.batch));
            part.invokes++;
            listener.invoked(result);
            int failedFrom = failedFrom(part.batch, result);
            if (failedFrom < 0) {
                listener.done(part.batch.endOffset());
                continue;
            }
            if (failedFrom > 0) { // partial failure: what came before the first failed record is done
                listener.done(part.batch.records().get(failedFrom).offset());
                Part rest = new Part(part.batch.slice(failedFrom, part.batch.size()), part.retries + 1, part.invokes);
                retryOrDiscard(rest, result, pending, listener);
            } else if (policy.bisectBatchOnFunctionError() && part.batch.size() > 1) {
                int half = part.batch.size() / 2;
                pending.addFirst(new Part(part.batch.slice(half, part.batch.size()), part.retries, part.invokes));
                pending.addFirst(new Part(part.batch.slice(0, half), part.retries, part.invokes));
            } else {
                retryOrDiscard(new Part(part.batch, part.retries + 1, part.invokes), result, pending, listener);
            }
        }
    }

    private void retryOrDiscard(Part part, InvokeResult last, Deque<Part> pending, Listener listener)
            throws InterruptedException {
        if (policy.maximumRetryAttempts() >= 0 && part.retries > policy.maximumRetryAttempts()) {
            listener.discarded(part.batch, RETRY_ATTEMPTS_EXHAUSTED, part.invokes, last);
            listener.done(part.batch.endOffset());
            return;
        }
        long backoff = policy.backoff().toMillis() << Math.min(part.retries - 1, 20);
        sleeper.sleep(Math.min(backoff, MAX_BACKOFF_MILLIS));
        pending.addFirst(part);
    }

    /** -1 when the batch succeeded; otherwise the index of the first record to retry. */
    private int failedFrom(StreamBatch batch, InvokeResult result) {
        if (!result.success()) {
            return 0;
        }
        if (!policy.reportBatchItemFailures()) {
            return -1;
        }
        List<String> failures = BatchItemFailures.parse(result.body());
        if (failures == null) {
            return 0;
        }
        int first = -1;
        for (String sequenceNumber : failures) {
            int index = batch.indexOf(sequenceNumber);
            if (index < 0) {
                return 0;
            }
            first = first < 0 ? index : Math.min(first, index);
        }
        return first;
    }

    /** How many records at the start of the batch are older than MaximumRecordAgeInSeconds (records are in time order). */
    private int expiredRecords(StreamBatch batch) {
        if (policy.maximumRecordAgeInSeconds() < 0) {
            return 0;
        }
        long oldestAllowed = clockMillis.getAsLong() - policy.maximumRecordAgeInSeconds() * 1000L;
        int expired = 0;
        while (expired < batch.size() && batch.records().get(expired).arrivalMillis() < oldestAllowed) {
            expired++;
        }
        return expired;
    }
}
