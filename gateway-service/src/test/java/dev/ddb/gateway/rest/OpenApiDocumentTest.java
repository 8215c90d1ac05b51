package dev.ddb.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import tools.jackson.databind.JsonNode;

import dev.ddb.common.json.Json;

/** The OpenAPI document served at /v1/openapi.json names every route of the REST API, and no other. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");
    private static final Pattern METHOD_AND_PATH = Pattern.compile("\\(([A-Z]+) && (/\\S*)\\)");

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws IOException {
        Set<String> documented = new TreeSet<>();
        try (InputStream document = getClass().getResourceAsStream("/rest/openapi.json")) {
            JsonNode paths = Json.MAPPER.readTree(document).path("paths");
            for (String path : paths.propertyNames()) {
                for (String member : paths.get(path).propertyNames()) {
                    if (METHODS.contains(member)) {
                        documented.add(member.toUpperCase() + " " + path);
                    }
                }
            }
        }

        Set<String> routed = new TreeSet<>();
        RouterFunction<ServerResponse> routes = new RestRoutes().restApi(new ItemsHandler(null, null), new TablesHandler(null, null));
        routes.accept(new RouterFunctions.Visitor() {
            @Override
            public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
                if (predicate.toString().equals("/v1/**")) {
                    return; // the 404/405 for anything else under /v1
                }
                Matcher matcher = METHOD_AND_PATH.matcher(predicate.toString());
                assertThat(matcher.matches()).as("a method and a path: %s", predicate).isTrue();
                routed.add(matcher.group(1) + " " + matcher.group(2));
            }

            @Override
            public void startNested(RequestPredicate predicate) {
            }

            @Override
            public void endNested(RequestPredicate predicate) {
            }

            @Override
            public void resources(java.util.function.Function<org.springframework.web.reactive.function.server.ServerRequest,
                    reactor.core.publisher.Mono<org.springframework.core.io.Resource>> lookupFunction) {
            }

            @Override
            public void attributes(java.util.Map<String, Object> attributes) {
            }

            @Override
            public void unknown(RouterFunction<?> routerFunction) {
            }
        });

        assertThat(routed).hasSize(12).isEqualTo(documented);
    }
}
