package dev.ddb.gateway.events;

import java.net.URI;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.Response;
import dev.ddb.common.region.Regions;
import dev.ddb.gateway.GatewayProperties;
import dev.ddb.gateway.access.AccessPolicies;
import dev.ddb.gateway.auth.ReceivedRequest;
import dev.ddb.gateway.auth.RequestAuthenticator;
import dev.ddb.gateway.auth.Requester;
import dev.ddb.gateway.routing.DownstreamService;

/**
 * Amazon EventBridge's rule operations ({@code POST /}, AWS JSON 1.1, {@code X-Amz-Target: AWSEvents.<Operation>}):
 * in {@code verify} mode signed for the service {@code events} and allowed by the principal's policies
 * ({@code events:<Operation>} on the rule's ARN, see {@link EventsActions}); then forwarded unchanged to
 * stream-service, which keeps and runs the rules, over HTTP (also in the standalone launcher: these calls
 * are rare), with the signature's region in {@code X-Ddb-Region}. Its answer, EventBridge's JSON with
 * {@code __type} on errors, is relayed.
 */
@Component
public class EventBridgeForwarder {

    public static final String TARGET_PREFIX = "AWSEvents.";

    private final RequestAuthenticator authenticator;
    private final AccessPolicies accessPolicies;
    private final ObjectProvider<WebClient> webClient;
    private final GatewayProperties properties;

    EventBridgeForwarder(RequestAuthenticator authenticator, AccessPolicies accessPolicies,
                         ObjectProvider<WebClient> webClient, GatewayProperties properties) {
        this.authenticator = authenticator;
        this.accessPolicies = accessPolicies;
        this.webClient = webClient;
        this.properties = properties;
    }

    public static boolean handles(String target) {
        return target != null && target.startsWith(TARGET_PREFIX);
    }

    /** Never fails: every error is an EventBridge error response. */
    public Mono<Response> forward(ReceivedRequest request, boolean overTls) {
        String target = request.headers().getFirst(AwsJsonProtocol.TARGET_HEADER);
        Requester requester;
        try {
            requester = authenticator.authenticateEvents(request);
            if (requester.principal() != null) {
                EventsActions.Check check = EventsActions.of(target.substring(TARGET_PREFIX.length()), request.body(),
                        requester.region(), requester.principal().accountId());
                accessPolicies.authorizeAction(requester, check.action(), check.resource(), overTls);
            }
        } catch (DynamoDbException e) {
            return Mono.just(error(e.status(), e.code(), e.getMessage()));
        }
        return webClient.getObject().post()
                .uri(URI.create(properties.urlOf(DownstreamService.STREAM) + "/"))
                .header(AwsJsonProtocol.TARGET_HEADER, target)
                .header(Regions.REGION_HEADER, requester.region())
                .contentType(MediaType.parseMediaType("application/x-amz-json-1.1"))
                .bodyValue(request.body())
                .exchangeToMono(response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(body -> Response.of(response.statusCode().value(), body)))
                .timeout(properties.requestTimeout())
                .onErrorResume(e -> Mono.just(error(500, "InternalException", "stream-service is unavailable: " + e.getMessage())));
    }

    private static Response error(int status, String type, String message) {
        return Response.of(status, Json.write(Json.object().put("__type", type).put("message", message)));
    }
}
