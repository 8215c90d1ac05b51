package dev.ddb.gateway.console;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web console at {@code /console}: static files (plain HTML, JavaScript modules and CSS from
 * {@code classpath:/console/}, nothing to build) that call {@code POST /} like any DynamoDB client,
 * plus the two endpoints a browser cannot do without: the gateway's settings and a table's stream as
 * server-sent events. Ordered before the endpoint's catch-all route, which answers DynamoDB's 404.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoutes {

    private static final ClassPathResource FILES = new ClassPathResource("console/");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> console(ConsoleSettingsHandler settings, LiveStreamHandler liveStream) {
        ClassPathResource index = new ClassPathResource("console/index.html");
        // Relative module and style paths resolve against /console/, so /console redirects there.
        return route(GET("/console"), request -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
                .andRoute(GET("/console/"), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index))
                .andRoute(GET("/console/api/settings"), settings::handle)
                .andRoute(GET("/console/api/tables/{table}/stream"), liveStream::handle)
                .and(RouterFunctions.resources("/console/**", FILES));
    }
}
