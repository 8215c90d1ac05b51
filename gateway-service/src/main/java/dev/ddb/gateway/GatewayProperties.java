package dev.ddb.gateway;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import dev.ddb.gateway.routing.DownstreamService;

/**
 * Settings under {@code ddb.gateway} (defaults in gateway-service.yml); each can be set by an
 * environment variable, e.g. {@code DDB_GATEWAY_ITEM_SERVICE_URL}.
 *
 * @param requestTimeout  how long one downstream call may take before the client gets InternalServerError
 * @param connectTimeout  how long to wait for a TCP connection to a downstream service
 * @param maxRequestSize  the largest request body accepted, DynamoDB's 16 MB; a larger one gets 413, chunked or not
 * @param maxResponseSize the largest downstream answer buffered (BatchGetItem/Query answers reach 16 MB)
 */
@ConfigurationProperties("ddb.gateway")
public record GatewayProperties(
        String tableServiceUrl,
        String itemServiceUrl,
        String streamServiceUrl,
        String backupServiceUrl,
        Duration requestTimeout,
        Duration connectTimeout,
        DataSize maxRequestSize,
        DataSize maxResponseSize,
        CircuitBreaker circuitBreaker) {

    public GatewayProperties {
        // Fail at startup with the key's name instead of a NullPointerException on the first request.
        required(tableServiceUrl, "table-service-url");
        required(itemServiceUrl, "item-service-url");
        required(streamServiceUrl, "stream-service-url");
        required(backupServiceUrl, "backup-service-url");
        required(requestTimeout, "request-timeout");
        required(connectTimeout, "connect-timeout");
        required(maxRequestSize, "max-request-size");
        required(maxResponseSize, "max-response-size");
        required(circuitBreaker, "circuit-breaker");
    }

    /** The base URL of a downstream service, without a trailing slash. */
    public String urlOf(DownstreamService service) {
        String url = switch (service) {
            case TABLE -> tableServiceUrl;
            case ITEM -> itemServiceUrl;
            case STREAM -> streamServiceUrl;
            case BACKUP -> backupServiceUrl;
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** One circuit breaker per downstream service, counting the last {@code slidingWindowSize} calls. */
    public record CircuitBreaker(
            int slidingWindowSize,
            int minimumNumberOfCalls,
            float failureRateThreshold,
            Duration waitDurationInOpenState) {

        public CircuitBreaker {
            required(waitDurationInOpenState, "circuit-breaker.wait-duration-in-open-state");
        }
    }

    private static void required(Object value, String key) {
        Objects.requireNonNull(value, () -> "ddb.gateway." + key + " must be set");
    }
}
