package dev.ddb.gateway.lambda;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * AWS Lambda's event source mapping API on the gateway's endpoint ({@code /2015-03-31/event-source-mappings/...},
 * REST-JSON), ahead of the catch-all that answers DynamoDB's 404 for any other path.
 */
@Configuration(proxyBeanMethods = false)
class LambdaRoutes {

    static final String EVENT_SOURCE_MAPPINGS = "/2015-03-31/event-source-mappings";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> eventSourceMappingRoutes(EventSourceMappingForwarder forwarder) {
        return route(path(EVENT_SOURCE_MAPPINGS).or(path(EVENT_SOURCE_MAPPINGS + "/**")), forwarder::forward);
    }
}
