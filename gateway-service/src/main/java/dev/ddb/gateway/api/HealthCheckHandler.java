package dev.ddb.gateway.api;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import dev.ddb.common.protocol.Response;

/** {@code GET /}: the plain-text health answer DynamoDB's endpoints give, which load balancers and tools probe. */
@Component
class HealthCheckHandler {

    private static final byte[] HEALTHY = "healthy: dynamodb.us-east-1.amazonaws.com".getBytes(StandardCharsets.UTF_8);

    Mono<ServerResponse> handle(ServerRequest request) {
        return WireResponses.render(Response.of(200, HEALTHY), MediaType.TEXT_PLAIN);
    }
}
