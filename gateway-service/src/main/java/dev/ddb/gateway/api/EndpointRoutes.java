package dev.ddb.gateway.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.all;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The public endpoint's routes besides {@code POST /}, which {@link DynamoDbEndpointChannel} serves
 * before WebFlux sees it. Actuator's /actuator/health is matched before these; every other method
 * and path gets DynamoDB's answer to a request that is no operation, not Spring's error page.
 */
@Configuration(proxyBeanMethods = false)
class EndpointRoutes {

    @Bean
    RouterFunction<ServerResponse> dynamoDbEndpoint(HealthCheckHandler health, NoSuchEndpointHandler noSuchEndpoint) {
        return route(GET("/"), health::handle)
                .andRoute(all(), noSuchEndpoint::handle);
    }
}
