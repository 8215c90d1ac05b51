package dev.ddb.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;

class BlockingDispatcherTest {

    /** Two operations without required members, so that an empty request passes validation. */
    private static final String INLINE = "DynamoDB_20120810.ListTables";
    private static final String ON_THE_POOL = "DynamoDB_20120810.DescribeLimits";
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private final AtomicReference<Thread> ranOn = new AtomicReference<>();
    /** What ListTables leaves to wait for, as a write leaves its group commit (null: nothing). */
    private final AtomicReference<CompletableFuture<Void>> durable = new AtomicReference<>();
    /** Whether the store would have had to block: nobody took its wait over. */
    private final AtomicBoolean waitedItself = new AtomicBoolean();
    private final OperationDispatcher operations = new OperationDispatcher(Map.of(
            "ListTables", (context, request) -> {
                ranOn.set(Thread.currentThread());
                if (durable.get() != null && !DurabilityWait.defer(durable.get())) {
                    waitedItself.set(true);
                }
                return Json.object().put("answered", true);
            },
            "DescribeLimits", (context, request) -> {
                ranOn.set(Thread.currentThread());
                return Json.object();
            }));

    @Test
    void anOperationNamedAsNeverBlockingRunsOnTheCallersThread() {
        try (BlockingDispatcher dispatcher = new BlockingDispatcher("item-service", operations, 2, Set.of(INLINE))) {
            Response response = dispatcher.dispatch(INLINE, EMPTY).join();

            assertThat(response.status()).isEqualTo(200);
            assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        }
    }

    @Test
    void everyOtherOperationRunsOnThePool() {
        try (BlockingDispatcher dispatcher = new BlockingDispatcher("item-service", operations, 2, Set.of(INLINE))) {
            Response response = dispatcher.dispatch(ON_THE_POOL, EMPTY).join();

            assertThat(response.status()).isEqualTo(200);
            assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
            assertThat(ranOn.get().getName()).startsWith("item-service-dispatch-");
        }
    }

    @Test
    void anInlineWriteIsAnsweredOnceItsCommitIsOnDiskWithoutBlockingTheCaller() {
        try (BlockingDispatcher dispatcher = new BlockingDispatcher("item-service", operations, 2, Set.of(INLINE))) {
            durable.set(new CompletableFuture<>());
            CompletableFuture<Response> answer = dispatcher.dispatch(INLINE, EMPTY);

            assertThat(ranOn.get()).isSameAs(Thread.currentThread());
            assertThat(waitedItself).isFalse();
            assertThat(answer).isNotDone();
            durable.get().complete(null);
            assertThat(answer).isCompleted();
            assertThat(new String(answer.join().body(), StandardCharsets.UTF_8)).isEqualTo("{\"answered\":true}");
            assertThat(DurabilityWait.defer(new CompletableFuture<>())).isFalse(); // the scope ended with the operation
        }
    }

    @Test
    void anInlineWriteWhoseCommitFailedGetsAnInternalServerError() {
        try (BlockingDispatcher dispatcher = new BlockingDispatcher("item-service", operations, 2, Set.of(INLINE))) {
            durable.set(new CompletableFuture<>());
            CompletableFuture<Response> answer = dispatcher.dispatch(INLINE, EMPTY);
            durable.get().completeExceptionally(new UncheckedIOException(new IOException("disk full")));

            Response response = answer.join();
            assertThat(response.status()).isEqualTo(500);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("InternalServerError");
        }
    }

    @Test
    void anOperationOnThePoolWaitsForItsCommitItself() {
        try (BlockingDispatcher dispatcher = new BlockingDispatcher("item-service", operations, 2, Set.of())) {
            durable.set(CompletableFuture.completedFuture(null));
            assertThat(dispatcher.dispatch(INLINE, EMPTY).join().status()).isEqualTo(200);
            assertThat(waitedItself).isTrue();
        }
    }

    @Test
    void aClosedDispatcherRefusesInlineOperationsToo() {
        BlockingDispatcher dispatcher = new BlockingDispatcher("item-service", operations, 1, Set.of(INLINE));
        dispatcher.close();

        assertThatThrownBy(() -> dispatcher.dispatch(INLINE, EMPTY)).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> dispatcher.dispatch(ON_THE_POOL, EMPTY)).isInstanceOf(RejectedExecutionException.class);
        assertThat(ranOn.get()).isNull();
    }

    /** What an observer (the metrics) was told of one request. */
    private record Observed(String operation, long elapsedNanos, boolean succeeded, DynamoDbException error) {
    }

    private final List<Observed> observed = new CopyOnWriteArrayList<>();

    private OperationDispatcher observedOperations() {
        return operations.observedBy((operation, request, elapsed, result, error) ->
                observed.add(new Observed(operation, elapsed, result != null, error)));
    }

    @Test
    void anInlineWritesLatencyIsRecordedOnceItsCommitIsOnDisk() throws InterruptedException {
        try (BlockingDispatcher dispatcher = new BlockingDispatcher("item-service", observedOperations(), 2, Set.of(INLINE))) {
            durable.set(new CompletableFuture<>());
            CompletableFuture<Response> answer = dispatcher.dispatch(INLINE, EMPTY);

            assertThat(observed).as("not answered yet, so not recorded yet").isEmpty();
            Thread.sleep(50); // the group commit's fsync
            durable.get().complete(null);

            assertThat(answer.join().status()).isEqualTo(200);
            assertThat(observed).hasSize(1);
            assertThat(observed.get(0).succeeded()).isTrue();
            assertThat(observed.get(0).elapsedNanos()).as("the latency includes the wait for durability")
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Test
    void anInlineWriteWhoseCommitFailedIsRecordedAsTheErrorItsClientGets() {
        try (BlockingDispatcher dispatcher = new BlockingDispatcher("item-service", observedOperations(), 2, Set.of(INLINE))) {
            durable.set(new CompletableFuture<>());
            CompletableFuture<Response> answer = dispatcher.dispatch(INLINE, EMPTY);
            durable.get().completeExceptionally(new UncheckedIOException(new IOException("disk full")));

            assertThat(answer.join().status()).isEqualTo(500);
            assertThat(observed).hasSize(1);
            assertThat(observed.get(0).succeeded()).isFalse();
            assertThat(observed.get(0).error().status()).isEqualTo(500);
        }
    }

    @Test
    void aReadOrAWriteWithNothingToWaitForIsRecordedWhenItReturns() {
        try (BlockingDispatcher dispatcher = new BlockingDispatcher("item-service", observedOperations(), 2, Set.of(INLINE))) {
            CompletableFuture<Response> answer = dispatcher.dispatch(INLINE, EMPTY);

            assertThat(answer).isCompleted();
            assertThat(observed).hasSize(1);
            assertThat(observed.get(0).succeeded()).isTrue();
        }
    }
}
