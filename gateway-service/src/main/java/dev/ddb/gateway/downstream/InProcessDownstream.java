package dev.ddb.gateway.downstream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import reactor.core.publisher.Mono;

import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.protocol.BlockingDispatcher;
import dev.ddb.common.protocol.LocalDispatchers;
import dev.ddb.common.protocol.Response;
import dev.ddb.gateway.routing.DownstreamService;

/**
 * The services in the gateway's own JVM (standalone launcher): the request bytes go straight to the
 * owning service's dispatcher, on that service's pool, and its answer comes back as it is, with its
 * request id and checksum. The only outage possible is a stopped service: {@link ServiceNotRunningException}.
 */
public class InProcessDownstream implements Downstream {

    private final LocalDispatchers services;

    public InProcessDownstream(LocalDispatchers services) {
        this.services = services;
    }

    @Override
    public Mono<DownstreamResponse> call(DownstreamService service, RequestContext context, String target, byte[] body) {
        return Mono.fromFuture(() -> dispatch(service, context, target, body))
                .map(answer -> new DownstreamResponse(answer.status(), answer.body(), answer.requestId(), answer.crc32()));
    }

    private CompletableFuture<Response> dispatch(DownstreamService service, RequestContext context, String target,
                                                 byte[] body) {
        BlockingDispatcher dispatcher = services.running(service.serviceName());
        if (dispatcher == null) {
            return CompletableFuture.failedFuture(new ServiceNotRunningException(service));
        }
        try {
            return onCallersEventLoop(dispatcher.dispatch(context, target, body));
        } catch (RejectedExecutionException stopping) {
            // Its pool is shut down: the service is stopping.
            return CompletableFuture.failedFuture(new ServiceNotRunningException(service));
        }
    }

    /**
     * An answer that is not ready yet completes on another thread: the pool's, or for a write run on
     * the event loop, the group commit's, which must get on with the next fdatasync. The event loop
     * that read the request (if this is one) relays and writes it, as it would a ready answer.
     */
    private static CompletableFuture<Response> onCallersEventLoop(CompletableFuture<Response> answer) {
        EventExecutor loop = answer.isDone() ? null : ThreadExecutorMap.currentExecutor();
        return loop == null ? answer : answer.thenApplyAsync(Function.identity(), loop);
    }
}
