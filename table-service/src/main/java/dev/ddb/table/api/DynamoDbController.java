package dev.ddb.table.api;

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
import reactor.core.publisher.Mono;

/** The AWS JSON 1.0 endpoint: {@code POST /} with the operation in {@code X-Amz-Target}, and the health line on {@code GET /}. */
@RestController
public class DynamoDbController {

    private static final MediaType AWS_JSON = MediaType.parseMediaType(AwsJsonProtocol.CONTENT_TYPE);

    private final BlockingDispatcher dispatcher;

    public DynamoDbController(BlockingDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping("/")
    public Mono<ResponseEntity<byte[]>> invoke(
            @RequestHeader(name = AwsJsonProtocol.TARGET_HEADER, required = false) String target,
            @RequestHeader(name = Regions.REGION_HEADER, required = false) String region,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) byte[] body) {
        RequestContext context = RequestContext.ofHeaders(region, authorization);
        // Operations block on the metadata store and on item-service: they run on the service's own pool.
        return Mono.fromFuture(() -> dispatcher.dispatch(context, target, body))
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
