package dev.ddb.stream.api;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.OperationDispatcher;
import dev.ddb.common.protocol.Response;

/**
 * The DynamoDB Streams API endpoint. No operation is implemented yet (the Streams issue), so every
 * target answers UnknownOperationException rather than pretending.
 */
@RestController
class StreamsController {

    private final OperationDispatcher dispatcher = new OperationDispatcher(Map.of());

    @PostMapping("/")
    ResponseEntity<byte[]> invoke(@RequestHeader(value = AwsJsonProtocol.TARGET_HEADER, required = false) String target,
                                  @RequestBody(required = false) byte[] body) {
        Response response = dispatcher.dispatch(target, body);
        return ResponseEntity.status(response.status())
                .header(HttpHeaders.CONTENT_TYPE, AwsJsonProtocol.CONTENT_TYPE)
                .header(AwsJsonProtocol.REQUEST_ID_HEADER, response.requestId())
                .header(AwsJsonProtocol.CRC32_HEADER, response.crc32())
                .body(response.body());
    }

    @GetMapping("/")
    String health() {
        return "healthy: stream-service";
    }
}
