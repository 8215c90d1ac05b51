package dev.ddb.gateway.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.OperationDispatcher;
import dev.ddb.common.protocol.Response;

/**
 * Replaces Spring Boot's error page for whatever fails outside the DynamoDB handler (e.g. Actuator
 * refusing a POST with 405), so that every answer of the endpoint is DynamoDB-shaped.
 */
@Component
@Order(-1)
class DynamoDbErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbErrorWebExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Response answer = OperationDispatcher.error(errorFor(exchange, error));
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        response.getHeaders().setContentType(WireResponses.AMZ_JSON);
        response.getHeaders().set(AwsJsonProtocol.REQUEST_ID_HEADER, answer.requestId());
        response.getHeaders().set(AwsJsonProtocol.CRC32_HEADER, answer.crc32());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
    }

    private static DynamoDbException errorFor(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ResponseStatusException status) {
            HttpStatusCode code = status.getStatusCode();
            if (code.value() == 404 || code.value() == 405) {
                return EndpointErrors.noSuchEndpoint();
            }
            if (code.is4xxClientError()) {
                return EndpointErrors.malformedHttpRequest(status.getReason(), code.value());
            }
        }
        LOG.error("Unexpected failure of {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return DynamoDbException.internalServerError("Internal server error");
    }
}
