package dev.ddb.table.api;

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

/** The AWS JSON 1.0 endpoint: {@code POST /} with the operation in {@code X-Amz-Target}, and the health line on {@code GET /}. */
@RestController
public class DynamoDbController {

    private static final MediaType AWS_JSON = MediaType.parseMediaType(AwsJsonProtocol.CONTENT_TYPE);

    private final OperationDispatcher dispatcher;

    public DynamoDbController(OperationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping("/")
    public Mono<ResponseEntity<byte[]>> invoke(
            @RequestHeader(name = AwsJsonProtocol.TARGET_HEADER, required = false) String target,
            @RequestBody(required = false) byte[] body) {
        // Operations block on the metadata store and on item-service: never on the event loop.
        return Mono.fromCallable(() -> dispatcher.dispatch(target, body))
                .subscribeOn(Schedulers.boundedElastic())
                .map(DynamoDbController::toHttp);
    }

    /** DynamoDB endpoints answer a GET on / with a health line. */
    @GetMapping(path = "/", produces = MediaType.TEXT_PLAIN_VALUE)
    public String health() {
        return "healthy: table-service";
    }

    private static ResponseEntity<byte[]> toHttp(Response response) {
        return ResponseEntity.status(response.status())
                .contentType(AWS_JSON)
                .header(AwsJsonProtocol.REQUEST_ID_HEADER, response.requestId())
                .header(AwsJsonProtocol.CRC32_HEADER, response.crc32())
                .body(response.body());
    }
}
