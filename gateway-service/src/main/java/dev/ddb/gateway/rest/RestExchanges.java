package dev.ddb.gateway.rest;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import tools.jackson.databind.JsonNode;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.gateway.GatewayProperties;

/**
 * What every REST handler does around its call: reads the body (up to the gateway's
 * {@code max-request-size}), authenticates the caller, writes JSON answers, and turns every error
 * into a problem-details answer, never Spring's error page.
 */
@Component
class RestExchanges {

    private static final Logger LOG = LoggerFactory.getLogger(RestExchanges.class);

    private final RestAuthentication authentication;
    private final long maxBytes;

    RestExchanges(RestAuthentication authentication, GatewayProperties properties) {
        this.authentication = authentication;
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    /** Runs {@code handler} with the caller and the body, answering any failure as a problem. */
    Mono<ServerResponse> serve(ServerRequest request, Handler handler) {
        return body(request)
                .flatMap(body -> handler.handle(authentication.callerOf(request, body), body))
                .onErrorResume(RestProblem.class, Problems::render)
                .onErrorResume(DynamoDbException.class, e -> Problems.render(Problems.fromDynamoDb(e)))
                .onErrorResume(e -> {
                    LOG.error("Unexpected failure of {} {}", request.method(), request.path(), e);
                    return Problems.render(new RestProblem(500, "Internal Server Error", "Internal server error", null));
                });
    }

    static Mono<ServerResponse> json(int status, JsonNode body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(Json.write(body));
    }

    private Mono<byte[]> body(ServerRequest request) {
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), (int) Math.min(maxBytes, Integer.MAX_VALUE))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> new RestProblem(413, "Content Too Large",
                        "The body is larger than " + maxBytes + " bytes", null));
    }

    @FunctionalInterface
    interface Handler {
        Mono<ServerResponse> handle(RestCaller caller, byte[] body);
    }

    /** A handler that does not read the body. */
    static Handler ignoringBody(Function<RestCaller, Mono<ServerResponse>> handler) {
        return (caller, body) -> handler.apply(caller);
    }
}
