package dev.ddb.gateway.downstream;

import reactor.core.publisher.Mono;

import dev.ddb.common.protocol.RequestContext;
import dev.ddb.gateway.routing.DownstreamService;

/**
 * How the gateway reaches the service that owns an operation: over HTTP ({@link HttpDownstream},
 * docker-compose) or by a call in the same JVM ({@link InProcessDownstream}, the standalone launcher).
 */
public interface Downstream {

    /**
     * Sends one AWS JSON 1.0 request, body bytes unchanged, and returns whatever the service answers,
     * error statuses included: a DynamoDB error is an answer to relay, not a failure. A cold Mono:
     * every subscription sends the request again, which is what a retry needs.
     *
     * @param context the region of the request's signature, which the service scopes its tables by
     */
    Mono<DownstreamResponse> call(DownstreamService service, RequestContext context, String target, byte[] body);

    /** The same for a request in the default region. */
    default Mono<DownstreamResponse> call(DownstreamService service, String target, byte[] body) {
        return call(service, RequestContext.DEFAULT, target, body);
    }
}
