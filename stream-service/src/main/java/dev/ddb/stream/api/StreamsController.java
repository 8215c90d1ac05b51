package dev.ddb.stream.api;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.OperationDispatcher;
import dev.ddb.common.protocol.Response;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The DynamoDB Streams endpoint: {@code POST /} with {@code X-Amz-Target: DynamoDBStreams_20120810.<Operation>}. */
@RestController
class StreamsController {

    private static final MediaType AWS_JSON = MediaType.parseMediaType(AwsJsonProtocol.CONTENT_TYPE);

    private final OperationDispatcher dispatcher;

    StreamsController(OperationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping("/")
    Mono<ResponseEntity<byte[]>> invoke(@RequestHeader(value = AwsJsonProtocol.TARGET_HEADER, required = false) String target,
                                        @RequestBody(required = false) byte[] body) {
        // Reads wait on Kafka: keep them off the event loop.
        return Mono.fromCallable(() -> dispatcher.dispatch(target, body))
                .subscribeOn(Schedulers.boundedElastic())
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
