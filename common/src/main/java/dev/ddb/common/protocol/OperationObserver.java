package dev.ddb.common.protocol;

import dev.ddb.common.error.DynamoDbException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Told of every request an {@link OperationDispatcher} answered for one of its operations, once, on
 * the thread that ran it, or for a write that left its wait for durability to the dispatcher
 * ({@link DurabilityWait}), on the thread that completed that wait (the group commit's), once the
 * write is durable (metrics: {@link dev.ddb.common.metrics.CloudWatchMeters}). Must be cheap and
 * thread-safe: it runs on every request.
 */
@FunctionalInterface
public interface OperationObserver {

    /**
     * @param operationName e.g. "PutItem" (only operations the dispatcher runs)
     * @param request       the parsed request; null when the body was not valid JSON
     * @param elapsedNanos  from the dispatch to the answer (for a durable write, to the end of its wait for durability)
     * @param result        the operation's result; null when it failed
     * @param error         why it failed (an unexpected failure as InternalServerError); null when it succeeded
     */
    void completed(String operationName, ObjectNode request, long elapsedNanos, JsonNode result, DynamoDbException error);
}
