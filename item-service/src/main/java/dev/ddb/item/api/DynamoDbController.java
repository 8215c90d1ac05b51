package dev.ddb.item.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.BlockingDispatcher;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.protocol.Response;
import dev.ddb.common.region.Regions;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import reactor.core.publisher.Mono;

/** item-service's own AWS JSON 1.0 endpoint; the gateway forwards bodies here unchanged. */
@RestController
class DynamoDbController {

    private final BlockingDispatcher dispatcher;

    DynamoDbController(BlockingDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping("/")
    Mono<ResponseEntity<byte[]>> invoke(@RequestHeader(value = AwsJsonProtocol.TARGET_HEADER, required = false) String target,
                                        @RequestHeader(value = Regions.REGION_HEADER, required = false) String region,
                                        @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                        @RequestBody(required = false) byte[] body) {
        RequestContext context = RequestContext.ofHeaders(region, authorization);
        // MVStore reads and group-commit waits block: they run on the service's own pool, not the event
        // loop (but for the inline operations, see DispatchPool); an answer completed on another thread
        // (the pool's, the group commit's) is written back on the event loop that read the request.
        return Mono.fromFuture(() -> onCallersEventLoop(dispatcher.dispatch(context, target, body)))
                .map(DynamoDbController::toEntity);
    }

    private static CompletableFuture<Response> onCallersEventLoop(CompletableFuture<Response> answer) {
        EventExecutor loop = answer.isDone() ? null : ThreadExecutorMap.currentExecutor();
        return loop == null ? answer : answer.thenApplyAsync(Function.identity(), loop);
    }

    @GetMapping("/")
    String health() {
        return "healthy: item-service";
    }

    static ResponseEntity<byte[]> toEntity(Response response) {
        return ResponseEntity.status(response.status())
                .header(HttpHeaders.CONTENT_TYPE, AwsJsonProtocol.CONTENT_TYPE)
                .header(AwsJsonProtocol.REQUEST_ID_HEADER, response.requestId())
                .header(AwsJsonProtocol.CRC32_HEADER, response.crc32())
                .body(response.body());
    }
}
