package dev.ddb.gateway.console;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Properties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.ddb.gateway.console.metrics.MetricsHandler;

/**
 * The web console at {@code /console}: static files (plain HTML, JavaScript modules and CSS from
 * {@code classpath:/console/}, nothing to build) that call {@code POST /} like any DynamoDB client,
 * plus the endpoints a browser cannot do without: the gateway's settings, a table's stream as
 * server-sent events, and the services' meters for the graphs. The chart library, uPlot, comes from
 * its WebJar ({@code org.webjars.npm:uplot}) and is served under {@code /console/lib/uplot/}. Ordered
 * before the endpoint's catch-all route, which answers DynamoDB's 404.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoutes {

    private static final ClassPathResource FILES = new ClassPathResource("console/");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> console(ConsoleSettingsHandler settings, LiveStreamHandler liveStream,
            MetricsHandler metrics) {
        ClassPathResource index = new ClassPathResource("console/index.html");
        // Relative module and style paths resolve against /console/, so /console redirects there.
        return route(GET("/console"), request -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
                .andRoute(GET("/console/"), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index))
                .andRoute(GET("/console/api/settings"), settings::handle)
                .andRoute(GET("/console/api/tables/{table}/stream"), liveStream::handle)
                .andRoute(GET("/console/api/metrics"), metrics::handle)
                .and(RouterFunctions.resources("/console/lib/uplot/**", uPlotFiles()))
                .and(RouterFunctions.resources("/console/**", FILES));
    }

    /** uPlot's {@code dist/} in its WebJar, whose path names the version the build brought. */
    private static ClassPathResource uPlotFiles() {
        Properties pom = new Properties();
        try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars.npm/uplot/pom.properties").getInputStream()) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The uPlot WebJar (org.webjars.npm:uplot) is missing from the classpath", e);
        }
        return new ClassPathResource("META-INF/resources/webjars/uplot/" + pom.getProperty("version") + "/dist/");
    }
}
