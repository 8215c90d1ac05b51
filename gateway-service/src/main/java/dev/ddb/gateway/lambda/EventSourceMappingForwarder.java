package dev.ddb.gateway.lambda;

import java.net.URI;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.region.Regions;
import dev.ddb.gateway.GatewayProperties;
import dev.ddb.gateway.access.AccessPolicies;
import dev.ddb.gateway.auth.ReceivedRequest;
import dev.ddb.gateway.auth.RequestAuthenticator;
import dev.ddb.gateway.auth.Requester;
import dev.ddb.gateway.routing.DownstreamService;

/**
 * Authenticates a Lambda event source mapping request (signing name {@code lambda} in {@code verify}
 * mode) and forwards it unchanged to stream-service, which runs the mappings, over HTTP (also in the
 * standalone launcher: these calls are rare), with the signature's region in {@code X-Ddb-Region}.
 * Stream-service's answer, Lambda's REST-JSON with {@code x-amzn-ErrorType} on errors, is relayed.
 * In {@code verify} mode the principal's policies must allow the Lambda action on its resource
 * ({@link LambdaActions}); a denial is Lambda's AccessDeniedException (HTTP 403).
 */
@Component
class EventSourceMappingForwarder {

    private static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";
    private static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    private static final byte[] EMPTY = new byte[0];
    /** Lambda answers it with 403, where DynamoDB uses 400. */
    private static final String ACCESS_DENIED = "AccessDeniedException";

    private final RequestAuthenticator authenticator;
    private final AccessPolicies accessPolicies;
    private final ObjectProvider<WebClient> webClient;
    private final GatewayProperties properties;

    EventSourceMappingForwarder(RequestAuthenticator authenticator, AccessPolicies accessPolicies,
                                ObjectProvider<WebClient> webClient, GatewayProperties properties) {
        this.authenticator = authenticator;
        this.accessPolicies = accessPolicies;
        this.webClient = webClient;
        this.properties = properties;
    }

    Mono<ServerResponse> forward(ServerRequest request) {
        URI uri = request.uri();
        return request.bodyToMono(byte[].class).defaultIfEmpty(EMPTY).flatMap(body -> {
            Requester requester;
            try {
                requester = authenticator.authenticateLambda(ReceivedRequest.of(request.method().name(),
                        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                        request.headers().asHttpHeaders(), body));
                authorize(requester, request.method().name(), uri.getPath(), request.exchange().getRequest().getSslInfo() != null);
            } catch (DynamoDbException e) {
                return error(e.code().equals(ACCESS_DENIED) ? 403 : e.status(), e.code(), e.getMessage());
            }
            return send(request.method(), uri, requester.region(), body);
        });
    }

    private void authorize(Requester requester, String method, String path, boolean overTls) {
        if (requester.principal() != null) {
            LambdaActions.of(method, path, requester.region(), requester.principal().accountId())
                    .ifPresent(check -> accessPolicies.authorizeAction(requester, check.action(), check.resource(), overTls));
        }
    }

    private Mono<ServerResponse> send(HttpMethod method, URI uri, String region, byte[] body) {
        String target = properties.urlOf(DownstreamService.STREAM) + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        WebClient.RequestBodySpec call = webClient.getObject().method(method)
                .uri(URI.create(target))
                .header(Regions.REGION_HEADER, region);
        WebClient.RequestHeadersSpec<?> withBody = body.length == 0 ? call
                : call.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return withBody.exchangeToMono(response -> response.bodyToMono(byte[].class).defaultIfEmpty(EMPTY)
                        .flatMap(bytes -> {
                            HttpHeaders headers = response.headers().asHttpHeaders();
                            ServerResponse.BodyBuilder answer = ServerResponse.status(response.statusCode())
                                    .contentType(MediaType.APPLICATION_JSON);
                            copy(headers, answer, ERROR_TYPE_HEADER);
                            copy(headers, answer, REQUEST_ID_HEADER);
                            return answer.bodyValue(bytes);
                        }))
                .timeout(properties.requestTimeout())
                .onErrorResume(e -> error(500, "ServiceException", "stream-service is unavailable: " + e.getMessage()));
    }

    private static void copy(HttpHeaders from, ServerResponse.BodyBuilder to, String name) {
        String value = from.getFirst(name);
        if (value != null) {
            to.header(name, value);
        }
    }

    /** Lambda's error shape: the type in {@code x-amzn-ErrorType}, {@code {"Type":"User","message":...}}. */
    private static Mono<ServerResponse> error(int status, String type, String message) {
        String kind = status >= 500 ? "Service" : "User";
        String json = "{\"Type\":\"" + kind + "\",\"message\":" + quote(message) + "}";
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .header(ERROR_TYPE_HEADER, type)
                .header(REQUEST_ID_HEADER, UUID.randomUUID().toString())
                .bodyValue(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String quote(String text) {
        return dev.ddb.common.json.Json.MAPPER.writeValueAsString(text == null ? "" : text);
    }
}
