package dev.ddb.stream.trigger;

import java.util.UUID;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.region.Regions;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lambda's event source mapping operations, REST-JSON as Lambda serves them under
 * {@code /2015-03-31/event-source-mappings/}: the gateway forwards them here (with the request's
 * region in {@code X-Ddb-Region}), and they can be called on stream-service's own port too.
 */
@RestController
class EventSourceMappingController {

    static final String PATH = "/2015-03-31/event-source-mappings";
    private static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";
    private static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    private static final Logger LOG = LoggerFactory.getLogger(EventSourceMappingController.class);

    private final EventSourceMappingService mappings;

    EventSourceMappingController(EventSourceMappingService mappings) {
        this.mappings = mappings;
    }

    @PostMapping({PATH, PATH + "/"})
    Mono<ResponseEntity<byte[]>> create(@RequestHeader(value = Regions.REGION_HEADER, required = false) String region,
                                        @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                        @RequestBody(required = false) byte[] body) {
        return answer(202, () -> mappings.create(region(region, authorization), body));
    }

    @GetMapping({PATH, PATH + "/"})
    Mono<ResponseEntity<byte[]>> list(@RequestHeader(value = Regions.REGION_HEADER, required = false) String region,
                                      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                      @RequestParam(value = "FunctionName", required = false) String functionName,
                                      @RequestParam(value = "EventSourceArn", required = false) String eventSourceArn,
                                      @RequestParam(value = "Marker", required = false) String marker,
                                      @RequestParam(value = "MaxItems", required = false) String maxItems) {
        return answer(200, () -> mappings.list(region(region, authorization), functionName, eventSourceArn, marker, maxItems));
    }

    @GetMapping(PATH + "/{uuid}")
    Mono<ResponseEntity<byte[]>> get(@PathVariable String uuid) {
        return answer(200, () -> mappings.get(uuid));
    }

    @PutMapping(PATH + "/{uuid}")
    Mono<ResponseEntity<byte[]>> update(@RequestHeader(value = Regions.REGION_HEADER, required = false) String region,
                                        @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                        @PathVariable String uuid, @RequestBody(required = false) byte[] body) {
        return answer(202, () -> mappings.update(region(region, authorization), uuid, body));
    }

    @DeleteMapping(PATH + "/{uuid}")
    Mono<ResponseEntity<byte[]>> delete(@PathVariable String uuid) {
        return answer(202, () -> mappings.delete(uuid));
    }

    private static String region(String header, String authorization) {
        return RequestContext.ofHeaders(header, authorization).region();
    }

    /** Store and Kafka calls block: off the event loop. */
    private static Mono<ResponseEntity<byte[]>> answer(int status, Callable<ObjectNode> operation) {
        return Mono.fromCallable(() -> ok(status, operation.call()))
                .onErrorResume(LambdaException.class, e -> Mono.just(error(e.status(), e.type(), "User", e.getMessage())))
                .onErrorResume(e -> !(e instanceof LambdaException), e -> {
                    LOG.error("Event source mapping operation failed", e);
                    return Mono.just(error(500, "ServiceException", "Service", "Internal error: " + e.getMessage()));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static ResponseEntity<byte[]> ok(int status, ObjectNode body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header(REQUEST_ID_HEADER, UUID.randomUUID().toString())
                .body(Json.write(body));
    }

    private static ResponseEntity<byte[]> error(int status, String type, String kind, String message) {
        ObjectNode body = Json.object().put("Type", kind).put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header(ERROR_TYPE_HEADER, type)
                .header(REQUEST_ID_HEADER, UUID.randomUUID().toString())
                .body(Json.write(body));
    }
}
