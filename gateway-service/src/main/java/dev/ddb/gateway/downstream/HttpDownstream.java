package dev.ddb.gateway.downstream;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import dev.ddb.common.region.Regions;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.gateway.GatewayProperties;
import dev.ddb.gateway.routing.DownstreamService;

/** The services behind the gateway as separate processes (docker-compose): one pooled, kept-alive HTTP call each. */
public class HttpDownstream implements Downstream {

    private static final byte[] EMPTY = new byte[0];

    private final WebClient webClient;
    private final GatewayProperties properties;

    public HttpDownstream(WebClient downstreamWebClient, GatewayProperties properties) {
        this.webClient = downstreamWebClient;
        this.properties = properties;
    }

    @Override
    public Mono<DownstreamResponse> call(DownstreamService service, RequestContext context, String target, byte[] body) {
        return webClient.post()
                .uri(properties.urlOf(service) + "/")
                .header(AwsJsonProtocol.TARGET_HEADER, target)
                .header(Regions.REGION_HEADER, context.region())
                .header(HttpHeaders.CONTENT_TYPE, AwsJsonProtocol.CONTENT_TYPE)
                .bodyValue(body)
                .exchangeToMono(response -> {
                    HttpHeaders headers = response.headers().asHttpHeaders();
                    return response.bodyToMono(byte[].class)
                            .defaultIfEmpty(EMPTY)
                            .map(bytes -> new DownstreamResponse(response.statusCode().value(), bytes,
                                    headers.getFirst(AwsJsonProtocol.REQUEST_ID_HEADER),
                                    headers.getFirst(AwsJsonProtocol.CRC32_HEADER)));
                });
    }
}
