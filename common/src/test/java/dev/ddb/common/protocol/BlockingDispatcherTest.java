package dev.ddb.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.ddb.common.json.Json;

class BlockingDispatcherTest {

    /** Two operations without required members, so that an empty request passes validation. */
    private static final String INLINE = "DynamoDB_20120810.ListTables";
    private static final String ON_THE_POOL = "DynamoDB_20120810.DescribeLimits";
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private final AtomicReference<Thread> ranOn = new AtomicReference<>();
    private final OperationDispatcher operations = new OperationDispatcher(Map.of(
            "ListTables", (context, request) -> {
                ranOn.set(Thread.currentThread());
                return Json.object();
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
    void aClosedDispatcherRefusesInlineOperationsToo() {
        BlockingDispatcher dispatcher = new BlockingDispatcher("item-service", operations, 1, Set.of(INLINE));
        dispatcher.close();

        assertThatThrownBy(() -> dispatcher.dispatch(INLINE, EMPTY)).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> dispatcher.dispatch(ON_THE_POOL, EMPTY)).isInstanceOf(RejectedExecutionException.class);
        assertThat(ranOn.get()).isNull();
    }
}
