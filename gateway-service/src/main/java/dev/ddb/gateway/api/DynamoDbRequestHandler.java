package dev.ddb.gateway.api;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.OperationDispatcher;
import dev.ddb.common.protocol.Response;
import dev.ddb.gateway.access.AccessPolicies;
import dev.ddb.gateway.auth.ReceivedRequest;
import dev.ddb.gateway.auth.RequestAuthenticator;
import dev.ddb.gateway.auth.Requester;
import dev.ddb.gateway.downstream.DownstreamResponse;
import dev.ddb.gateway.events.EventBridgeForwarder;
import dev.ddb.gateway.resilience.ResilientForwarder;
import dev.ddb.gateway.routing.OperationRoutes;
import dev.ddb.gateway.routing.Route;

/**
 * {@code POST /}: the AWS JSON 1.0 endpoint, once {@link DynamoDbEndpointChannel} has read the
 * request. Checks the body's content type (after its size, as DynamoDB does), that the target
 * names an operation, that the request is signed, and that a service implements the operation;
 * then relays that service's answer. The body is not parsed here: the owning service parses and
 * validates it once (a body that is no JSON object is its SerializationException). Errors of its
 * own are written exactly like the services' errors.
 */
@Component
class DynamoDbRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbRequestHandler.class);

    private final OperationRoutes routes;
    private final RequestAuthenticator authenticator;
    private final ResilientForwarder forwarder;
    private final AccessPolicies accessPolicies;
    private final EventBridgeForwarder events;

    DynamoDbRequestHandler(OperationRoutes routes, RequestAuthenticator authenticator, ResilientForwarder forwarder,
                           AccessPolicies accessPolicies, EventBridgeForwarder events) {
        this.routes = routes;
        this.authenticator = authenticator;
        this.forwarder = forwarder;
        this.accessPolicies = accessPolicies;
        this.events = events;
    }

    /**
     * The answer to one request; never fails: every error is a DynamoDB error response.
     *
     * @param overTls whether it came over HTTPS (the policies' {@code aws:SecureTransport})
     */
    Mono<Response> handle(ReceivedRequest request, boolean overTls) {
        Mono<Response> answer;
        try {
            answer = answer(request, overTls);
        } catch (RuntimeException e) {
            return Mono.just(errorAnswer(request, e));
        }
        return answer.onErrorResume(e -> Mono.just(errorAnswer(request, e)));
    }

    private static Response errorAnswer(ReceivedRequest request, Throwable failure) {
        if (failure instanceof DynamoDbException e) {
            return OperationDispatcher.error(e);
        }
        LOG.error("Unexpected failure of {}", request.headers().getFirst(AwsJsonProtocol.TARGET_HEADER), failure);
        return OperationDispatcher.error(DynamoDbException.internalServerError("Internal server error"));
    }

    private Mono<Response> answer(ReceivedRequest request, boolean overTls) {
        HttpHeaders headers = request.headers();
        byte[] body = request.body();
        String target = headers.getFirst(AwsJsonProtocol.TARGET_HEADER);
        if (EventBridgeForwarder.handles(target)) {
            return events.forward(request, overTls); // EventBridge's API: AWS JSON 1.1, other signing name
        }
        RequestContentType.check(headers, body);
        Optional<Route> route = routes.routeOf(target);
        if (route.isEmpty() && !routes.isDynamoDbOperation(target)) {
            throw DynamoDbException.unknownOperation();
        }
        Requester requester = authenticator.authenticate(request);
        String operation = AwsJsonProtocol.operationOf(target);
        Route owner = route.orElseThrow(() -> DynamoDbException.notImplemented(operation));
        RequestContext context = RequestContext.of(requester.region());
        // Nothing is forwarded unless the policies allow all of it (every batch or transaction entry).
        Mono<Void> allowed = accessPolicies.authorize(requester, operation, body, overTls);
        if (allowed == Mono.<Void>empty()) { // no policy applies (open mode): nothing to wait for
            return forwarder.forward(owner, context, target, body).map(DynamoDbRequestHandler::relay);
        }
        return allowed.then(Mono.defer(() -> forwarder.forward(owner, context, target, body)))
                .map(DynamoDbRequestHandler::relay);
    }

    /** The downstream answer as the client gets it: the bytes are relayed unchanged, so the service's checksum holds. */
    private static Response relay(DownstreamResponse answer) {
        String requestId = answer.requestId() != null ? answer.requestId() : Response.newRequestId();
        String crc32 = answer.crc32() != null ? answer.crc32() : AwsJsonProtocol.crc32(answer.body());
        return new Response(answer.status(), answer.body(), requestId, crc32);
    }
}
