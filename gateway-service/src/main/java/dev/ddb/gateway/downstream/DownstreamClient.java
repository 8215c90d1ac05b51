package dev.ddb.gateway.downstream;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.gateway.GatewayProperties;
import dev.ddb.gateway.routing.DownstreamService;

/**
 * Sends one AWS JSON 1.0 request to the service that owns it, body bytes unchanged, and returns
 * whatever it answers, error statuses included: a DynamoDB error is an answer to relay, not a failure.
 */
@Component
public class DownstreamClient {

    private static final byte[] EMPTY = new byte[0];

    private final WebClient webClient;
    private final GatewayProperties properties;

    public DownstreamClient(WebClient downstreamWebClient, GatewayProperties properties) {
        this.webClient = downstreamWebClient;
        this.properties = properties;
    }

    /** A cold Mono: every subscription sends the request again, which is what a retry needs. */
    public Mono<DownstreamResponse> post(DownstreamService service, String target, byte[] body) {
        return webClient.post()
                .uri(properties.urlOf(service) + "/")
                .header(AwsJsonProtocol.TARGET_HEADER, target)
                .header(HttpHeaders.CONTENT_TYPE, AwsJsonProtocol.CONTENT_TYPE)
                .bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(byte[].class)
                        .defaultIfEmpty(EMPTY)
                        .map(bytes -> new DownstreamResponse(
                                response.statusCode().value(),
                                bytes,
                                response.headers().asHttpHeaders().getFirst(AwsJsonProtocol.REQUEST_ID_HEADER))));
    }
}
