package dev.ddb.gateway.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The public endpoint's two routes; Actuator adds /actuator/health beside them. */
@Configuration(proxyBeanMethods = false)
class EndpointRoutes {

    @Bean
    RouterFunction<ServerResponse> dynamoDbEndpoint(DynamoDbRequestHandler requests, HealthCheckHandler health) {
        return route(POST("/"), requests::handle)
                .andRoute(GET("/"), health::handle);
    }
}
