package dev.ddb.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.gateway.downstream.Downstream;
import dev.ddb.gateway.downstream.DownstreamResponse;
import dev.ddb.gateway.downstream.ServiceNotRunningException;
import dev.ddb.gateway.routing.DownstreamService;
import dev.ddb.gateway.routing.Route;

/**
 * Forwards a request under its service's time limit and circuit breaker. When the service cannot be
 * reached or is too slow, the client gets DynamoDB's InternalServerError; while its circuit is open,
 * ServiceUnavailableException at once, without a call. Every AWS SDK retries both with back-off.
 */
@Component
public class ResilientForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientForwarder.class);

    /** The developer guide's description of ServiceUnavailable (HTTP 503): it should be temporary. */
    static final String SERVICE_UNAVAILABLE = "DynamoDB is currently unavailable. (This should be a temporary state.)";

    private final Downstream downstream;
    private final DownstreamResilience resilience;

    public ResilientForwarder(Downstream downstream, DownstreamResilience resilience) {
        this.downstream = downstream;
        this.resilience = resilience;
    }

    /** @param context the region of the request's signature */
    public Mono<DownstreamResponse> forward(Route route, RequestContext context, String target, byte[] body) {
        DownstreamService service = route.service();
        // A chain per request: transform, not transformDeferred (no Mono.defer per subscription).
        Mono<DownstreamResponse> attempt = withTimeLimit(downstream.call(service, context, target, body),
                resilience.timeLimiter(service))
                .transform(CircuitBreakerOperator.of(resilience.circuitBreaker(service)));
        Mono<DownstreamResponse> call = attempt;
        if (route.readOnly()) {
            // Outside the breaker, so each attempt is counted. Only calls that never reached the
            // service: a timed-out call may still be running, and an open circuit should not be
            // knocked on twice. Once: a second subscription, not retryWhen's machinery per request.
            call = attempt.onErrorResume(ResilientForwarder::neverReachedTheService, first -> attempt);
        }
        return call.onErrorMap(error -> {
            if (error instanceof CallNotPermittedException) {
                LOG.debug("{} to {} not sent: its circuit is open", route.operation(), service.serviceName());
                return DynamoDbException.serviceUnavailable(SERVICE_UNAVAILABLE);
            }
            LOG.warn("{} to {} failed: {}", route.operation(), service.serviceName(), error.toString());
            return DynamoDbException.internalServerError("Internal server error");
        });
    }

    /**
     * What Resilience4j's {@code TimeLimiterOperator} does (the same {@link java.util.concurrent.TimeoutException},
     * the same events), with the timeout armed on {@link TimeoutScheduler}'s wheel instead of Reactor's
     * parallel scheduler, whose per-request timer insertions and wake-ups cost more than the forwarding
     * itself, by {@link TimeLimitedMono} instead of {@code Mono.timeout}.
     */
    private static Mono<DownstreamResponse> withTimeLimit(Mono<DownstreamResponse> call, TimeLimiter limiter) {
        return new TimeLimitedMono<>(call, limiter.getTimeLimiterConfig().getTimeoutDuration(), TimeoutScheduler.INSTANCE)
                .doOnSuccess(answer -> limiter.onSuccess())
                .doOnError(limiter::onError);
    }

    private static boolean neverReachedTheService(Throwable error) {
        return error instanceof WebClientRequestException || error instanceof ServiceNotRunningException;
    }
}
