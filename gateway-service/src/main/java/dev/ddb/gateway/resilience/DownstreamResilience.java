package dev.ddb.gateway.resilience;

import java.util.EnumMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.stereotype.Component;

import dev.ddb.gateway.GatewayProperties;
import dev.ddb.gateway.downstream.DownstreamResponse;
import dev.ddb.gateway.routing.DownstreamService;

/**
 * One circuit breaker and one time limiter per downstream service, so a failing item-service
 * does not stop table operations.
 */
@Component
public class DownstreamResilience {

    private final Map<DownstreamService, CircuitBreaker> circuitBreakers = new EnumMap<>(DownstreamService.class);
    private final Map<DownstreamService, TimeLimiter> timeLimiters = new EnumMap<>(DownstreamService.class);

    public DownstreamResilience(GatewayProperties properties) {
        CircuitBreakerConfig breakerConfig = circuitBreakerConfig(properties.circuitBreaker());
        TimeLimiterConfig limiterConfig = TimeLimiterConfig.custom()
                .timeoutDuration(properties.requestTimeout())
                .cancelRunningFuture(true)
                .build();
        for (DownstreamService service : DownstreamService.values()) {
            circuitBreakers.put(service, CircuitBreaker.of(service.serviceName(), breakerConfig));
            timeLimiters.put(service, TimeLimiter.of(service.serviceName(), limiterConfig));
        }
    }

    public CircuitBreaker circuitBreaker(DownstreamService service) {
        return circuitBreakers.get(service);
    }

    public TimeLimiter timeLimiter(DownstreamService service) {
        return timeLimiters.get(service);
    }

    private static CircuitBreakerConfig circuitBreakerConfig(GatewayProperties.CircuitBreaker settings) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.waitDurationInOpenState())
                // Only unavailability counts, never a client's mistake: see Unavailability.
                .recordException(Unavailability::isUnavailable)
                .recordResult(result -> result instanceof DownstreamResponse answer && Unavailability.isUnavailable(answer))
                .build();
    }
}
