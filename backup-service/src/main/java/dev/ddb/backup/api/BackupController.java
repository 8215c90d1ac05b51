package dev.ddb.backup.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.BlockingDispatcher;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.protocol.Response;
import dev.ddb.common.region.Regions;

/** The backup and restore endpoint; its operations are in {@link DispatchPool}. */
@RestController
class BackupController {

    private final BlockingDispatcher dispatcher;

    BackupController(BlockingDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping("/")
    Mono<ResponseEntity<byte[]>> invoke(@RequestHeader(value = AwsJsonProtocol.TARGET_HEADER, required = false) String target,
                                        @RequestHeader(name = Regions.REGION_HEADER, required = false) String region,
                                        @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                        @RequestBody(required = false) byte[] body) {
        RequestContext context = RequestContext.ofHeaders(region, authorization);
        return Mono.fromFuture(() -> dispatcher.dispatch(context, target, body)).map(BackupController::toHttp);
    }

    private static ResponseEntity<byte[]> toHttp(Response response) {
        return ResponseEntity.status(response.status())
                .header(HttpHeaders.CONTENT_TYPE, AwsJsonProtocol.CONTENT_TYPE)
                .header(AwsJsonProtocol.REQUEST_ID_HEADER, response.requestId())
                .header(AwsJsonProtocol.CRC32_HEADER, response.crc32())
                .body(response.body());
    }

    @GetMapping("/")
    String health() {
        return "healthy: backup-service";
    }
}
