package dev.ddb.gateway.console.metrics;

import java.time.Clock;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;

/**
 * {@code GET /console/api/metrics[?table=NAME]}: the console's graphs' data, read from the same
 * meters as {@code /actuator/prometheus} ({@link ServiceMeters}) and shaped by
 * {@link MetricsSnapshot}: every table the caller may see ({@link MetricsAccess}), or one. The
 * browser polls it and keeps the history; nothing is kept here, and nothing is read until asked.
 * Errors are DynamoDB's JSON ({@code __type} and {@code message}).
 */
@Component
public class MetricsHandler {

    private final ServiceMeters meters;
    private final MetricsAccess access;
    private final Clock clock;

    @Autowired
    MetricsHandler(ServiceMeters meters, MetricsAccess access) {
        this(meters, access, Clock.systemUTC());
    }

    MetricsHandler(ServiceMeters meters, MetricsAccess access, Clock clock) {
        this.meters = meters;
        this.access = access;
        this.clock = clock;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        String table = request.queryParam("table").orElse(null);
        return Mono.fromSupplier(() -> access.callerOf(request))
                .flatMap(caller -> table != null
                        ? access.allowed(caller, table).then(snapshot(one -> one.equals(table)))
                        : meters.scrapeAll().flatMap(scrapes -> access.visible(caller, MetricsSnapshot.tablesIn(scrapes))
                                .map(shown -> MetricsSnapshot.of(scrapes, shown::contains, clock.millis()))))
                .flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Json.write(body)))
                .onErrorResume(DynamoDbException.class, MetricsHandler::error);
    }

    private Mono<ObjectNode> snapshot(Predicate<String> shown) {
        return meters.scrapeAll().map(scrapes -> MetricsSnapshot.of(scrapes, shown, clock.millis()));
    }

    private static Mono<ServerResponse> error(DynamoDbException e) {
        ObjectNode body = Json.object().put("__type", e.type()).put(e.messageMember(), e.getMessage());
        return ServerResponse.status(e.status()).contentType(MediaType.APPLICATION_JSON).bodyValue(Json.write(body));
    }
}
