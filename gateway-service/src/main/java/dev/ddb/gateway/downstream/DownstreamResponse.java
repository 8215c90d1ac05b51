package dev.ddb.gateway.downstream;

/**
 * What a downstream service answered.
 *
 * @param requestId its {@code x-amzn-RequestId}, or null when it sent none
 */
public record DownstreamResponse(int status, byte[] body, String requestId) {

    /** A 5xx answer: the service itself is in trouble, which counts against its circuit breaker. */
    public boolean isServerError() {
        return status >= 500;
    }
}
