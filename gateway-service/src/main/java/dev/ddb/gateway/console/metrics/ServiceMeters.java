package dev.ddb.gateway.console.metrics;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.ddb.common.metrics.MeterNames;
import dev.ddb.gateway.GatewayProperties;
import dev.ddb.gateway.routing.DownstreamService;

/**
 * Reads the services' meters where Prometheus does: each service's {@code /actuator/prometheus}
 * at the URL the gateway forwards to ({@code ddb.gateway.*-service-url}). That is the same in both
 * deployments: under docker-compose the services are other processes, and in the standalone
 * launcher each is its own Spring context with its own registry and port, so no registry is shared
 * with the gateway. Only the DynamoDB-named meters are kept; a service that does not answer in
 * {@link #TIMEOUT} is reported as such, and the others still count.
 */
@Component
class ServiceMeters {

    /** As long as the console waits between two polls: a busy service still gets counted. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String PREFIX = MeterNames.PREFIX + "_";
    /** Prometheus's text format 0.0.4, not OpenMetrics: what {@link PrometheusText} reads. */
    private static final MediaType TEXT_FORMAT = MediaType.parseMediaType("text/plain;version=0.0.4");

    private final ObjectProvider<WebClient> webClient;
    private final GatewayProperties properties;

    ServiceMeters(ObjectProvider<WebClient> webClient, GatewayProperties properties) {
        this.webClient = webClient;
        this.properties = properties;
    }

    /** Every service's scrape, in the order of {@link DownstreamService}. */
    Mono<List<ServiceScrape>> scrapeAll() {
        return Flux.fromArray(DownstreamService.values()).flatMapSequential(this::scrape).collectList();
    }

    private Mono<ServiceScrape> scrape(DownstreamService service) {
        String url = properties.urlOf(service) + "/actuator/prometheus";
        return webClient.getObject().get().uri(url).accept(TEXT_FORMAT)
                .retrieve()
                .bodyToMono(String.class)
                .defaultIfEmpty("") // no meters yet
                .timeout(TIMEOUT)
                .map(text -> ServiceScrape.of(service, PrometheusText.parse(text, name -> name.startsWith(PREFIX))))
                .onErrorResume(e -> Mono.just(ServiceScrape.failed(service, url + ": " + describe(e))));
    }

    private static String describe(Throwable e) {
        return e instanceof java.util.concurrent.TimeoutException ? "no answer in " + TIMEOUT.toSeconds() + " s"
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
