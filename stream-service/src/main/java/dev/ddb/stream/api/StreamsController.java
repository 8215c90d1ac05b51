package dev.ddb.stream.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import dev.ddb.stream.rule.EventsEndpoint;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The DynamoDB Streams endpoint: {@code POST /} with {@code X-Amz-Target: DynamoDBStreams_20120810.<Operation>};
 * targets {@code AWSEvents.<Operation>} go to the event rules' EventBridge API.
 */
@RestController
class StreamsController {

    private static final MediaType AWS_JSON = MediaType.parseMediaType(AwsJsonProtocol.CONTENT_TYPE);

    private final BlockingDispatcher dispatcher;
    private final EventsEndpoint events;

    StreamsController(BlockingDispatcher dispatcher, EventsEndpoint events) {
        this.dispatcher = dispatcher;
        this.events = events;
    }

    @PostMapping("/")
    Mono<ResponseEntity<byte[]>> invoke(@RequestHeader(value = AwsJsonProtocol.TARGET_HEADER, required = false) String target,
                                        @RequestHeader(value = Regions.REGION_HEADER, required = false) String region,
                                        @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                        @RequestBody(required = false) byte[] body) {
        if (EventsEndpoint.handles(target)) {
            return Mono.fromCallable(() -> events.invoke(RequestContext.ofHeaders(region, authorization).region(), target, body))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(StreamsController::toHttp);
        }
        // Reads wait on Kafka: they run on the service's own pool, not the event loop.
        return Mono.fromFuture(() -> dispatcher.dispatch(RequestContext.ofHeaders(region, authorization), target, body))
                .map(StreamsController::toHttp);
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_PLAIN_VALUE)
    String health() {
        return "healthy: stream-service";
    }

    private static ResponseEntity<byte[]> toHttp(Response response) {
        return ResponseEntity.status(response.status())
                .contentType(AWS_JSON)
                .header(AwsJsonProtocol.REQUEST_ID_HEADER, response.requestId())
                .header(AwsJsonProtocol.CRC32_HEADER, response.crc32())
                .body(response.body());
    }
}
