package dev.ddb.gateway.api;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import dev.ddb.common.protocol.OperationDispatcher;

/** Any method or path but {@code POST /} and {@code GET /}: 404 UnknownOperationException, as DynamoDB answers a PUT. */
@Component
class NoSuchEndpointHandler {

    Mono<ServerResponse> handle(ServerRequest request) {
        return WireResponses.render(OperationDispatcher.error(EndpointErrors.noSuchEndpoint()));
    }
}
