package dev.ddb.gateway.resilience;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.springframework.web.reactive.function.client.WebClientRequestException;
import tools.jackson.databind.JsonNode;

import dev.ddb.common.json.Json;
import dev.ddb.gateway.downstream.DownstreamResponse;
import dev.ddb.gateway.downstream.ServiceNotRunningException;

/**
 * What counts against a service's circuit breaker: only signs that the service cannot serve at all.
 * A client's mistake never counts, or one client sending bad requests would open the circuit and
 * fail every other client's good requests.
 */
final class Unavailability {

    /** The statuses of a service (or something in front of it) saying it cannot serve right now. */
    private static final Set<Integer> UNAVAILABLE_STATUSES = Set.of(502, 503, 504);

    /** The error types that blame the server rather than the request. */
    private static final Set<String> SERVER_FAULTS = Set.of(
            "InternalServerError", "InternalFailure", "ServiceUnavailableException", "ServiceUnavailable");

    private Unavailability() {
    }

    /**
     * A 502, 503 or 504 answer counts, unless its body is a DynamoDB client error. Never a 4xx
     * (ValidationException, ResourceNotFoundException...): the service worked and blamed the request.
     * Nor a 500: a live service answers InternalServerError to one request that went wrong, often one
     * a client can send again and again, and it answers fast, so an open circuit would only spread
     * that one client's failures to everyone.
     */
    static boolean isUnavailable(DownstreamResponse answer) {
        return UNAVAILABLE_STATUSES.contains(answer.status()) && !isClientError(answer.body());
    }

    /**
     * The service could not be reached or did not answer in time: connection refused or reset, any
     * other I/O error, a timeout, an in-process service stopped. Anything else is the gateway's own
     * bug, not the service's outage.
     */
    static boolean isUnavailable(Throwable error) {
        if (error instanceof TimeoutException || error instanceof WebClientRequestException
                || error instanceof ServiceNotRunningException) {
            return true;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** A DynamoDB error body ({@code {"__type": "...#ValidationException", ...}}) whose type is not a server fault. */
    private static boolean isClientError(byte[] body) {
        String type = errorType(body);
        return type != null && !SERVER_FAULTS.contains(type.substring(type.indexOf('#') + 1));
    }

    private static String errorType(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode type = Json.read(body).get("__type");
            return type != null && type.isString() ? type.asString() : null;
        } catch (RuntimeException notJson) {
            return null; // e.g. a proxy's or a framework's own error page
        }
    }
}
