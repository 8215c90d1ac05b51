package dev.ddb.gateway.rest;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.PATCH;
import static org.springframework.web.reactive.function.server.RequestPredicates.PUT;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The REST API under {@code /v1}, described by {@code /v1/openapi.json} (resource
 * {@code rest/openapi.json}). Ahead of the endpoint's catch-all route, which answers DynamoDB's
 * error for any other path.
 */
@Configuration(proxyBeanMethods = false)
class RestRoutes {

    static final String ITEM = "/v1/tables/{table}/items/{partitionKey}";
    static final String ITEM_WITH_SORT_KEY = ITEM + "/{sortKey}";
    static final String OPENAPI = "/v1/openapi.json";
    /** Each path of the API and its methods, for the {@code Allow} header of a 405. */
    private static final Map<PathPattern, String> METHODS = Map.of(
            PathPatternParser.defaultInstance.parse(OPENAPI), "GET",
            PathPatternParser.defaultInstance.parse("/v1/tables"), "GET",
            PathPatternParser.defaultInstance.parse("/v1/tables/{table}"), "GET",
            PathPatternParser.defaultInstance.parse("/v1/tables/{table}/items"), "GET",
            PathPatternParser.defaultInstance.parse(ITEM), "GET, PUT, PATCH, DELETE",
            PathPatternParser.defaultInstance.parse(ITEM_WITH_SORT_KEY), "GET, PUT, PATCH, DELETE");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> restApi(ItemsHandler items, TablesHandler tables) {
        ClassPathResource openApi = new ClassPathResource("rest/openapi.json");
        return route(GET(OPENAPI), request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(openApi))
                .andRoute(GET("/v1/tables"), tables::list)
                .andRoute(GET("/v1/tables/{table}"), tables::describe)
                .andRoute(GET("/v1/tables/{table}/items"), items::query)
                .andRoute(GET(ITEM), items::get)
                .andRoute(PUT(ITEM), items::put)
                .andRoute(PATCH(ITEM), items::patch)
                .andRoute(DELETE(ITEM), items::delete)
                .andRoute(GET(ITEM_WITH_SORT_KEY), items::get)
                .andRoute(PUT(ITEM_WITH_SORT_KEY), items::put)
                .andRoute(PATCH(ITEM_WITH_SORT_KEY), items::patch)
                .andRoute(DELETE(ITEM_WITH_SORT_KEY), items::delete)
                .andRoute(path("/v1/**"), RestRoutes::noSuchRoute);
    }

    /** 405 for a path of the API with a method it does not have, 404 for any other path under /v1. */
    private static Mono<ServerResponse> noSuchRoute(ServerRequest request) {
        PathContainer path = request.requestPath().pathWithinApplication();
        return METHODS.entrySet().stream().filter(known -> known.getKey().matches(path)).findFirst()
                .map(known -> Problems.render(new RestProblem(405, "Method Not Allowed", request.method().name()
                        + " is not a method of " + request.path() + " (see /v1/openapi.json)", null),
                        headers -> headers.set(HttpHeaders.ALLOW, known.getValue())))
                .orElseGet(() -> Problems.render(
                        RestProblem.notFound("No such resource: " + request.path() + " (see /v1/openapi.json)")));
    }
}
