package dev.ddb.common.protocol;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.request.RequestValidator;
import dev.ddb.common.request.ServiceModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the operation an {@code X-Amz-Target} names and turns every outcome into DynamoDB's
 * answer: the result, DynamoDB's error, or an InternalServerError without a stack trace.
 */
public final class OperationDispatcher {

    private static final Logger LOG = Logger.getLogger(OperationDispatcher.class.getName());

    private final Map<String, Operation> operations;
    /** Told of each request to one of the operations (metrics); null for none. */
    private final OperationObserver observer;

    /** @param operations by operation name, e.g. "PutItem" */
    public OperationDispatcher(Map<String, Operation> operations) {
        this(operations, null);
    }

    private OperationDispatcher(Map<String, Operation> operations, OperationObserver observer) {
        this.operations = Map.copyOf(operations);
        this.observer = observer;
    }

    /** The same operations, each request to them told to {@code observer} once answered (null: none). */
    public OperationDispatcher observedBy(OperationObserver observer) {
        return new OperationDispatcher(operations, observer);
    }

    public boolean handles(String operationName) {
        return operations.containsKey(operationName);
    }

    /** A request in the default region. */
    public Response dispatch(String target, byte[] body) {
        return dispatch(RequestContext.DEFAULT, target, body);
    }

    public Response dispatch(RequestContext context, String target, byte[] body) {
        long started = observer == null ? 0 : System.nanoTime();
        String operationName = null;
        Operation operation = null;
        ObjectNode request = null;
        try {
            operationName = AwsJsonProtocol.operationOf(target);
            operation = operations.get(operationName);
            if (operation == null) {
                ServiceModel model = ServiceModel.forTarget(target);
                throw model != null && model.hasOperation(operationName)
                        ? DynamoDbException.notImplemented(operationName)
                        : DynamoDbException.unknownOperation();
            }
            request = Json.parseRequest(body);
            // Types and declared constraints of every member, before any operation code sees the request.
            RequestValidator.validate(ServiceModel.owning(operationName), operationName, request);
            JsonNode result = operation.invoke(context, request);
            Response response = Response.of(200, Json.write(result == null ? Json.object() : result));
            if (observer != null) {
                observeSuccess(operationName, request, started, result);
            }
            return response;
        } catch (DynamoDbException e) {
            observe(operation, operationName, request, started, e);
            return error(e);
        } catch (RuntimeException e) {
            DynamoDbException failure = unexpected(target, e);
            observe(operation, operationName, request, started, failure);
            return error(failure);
        }
    }

    /**
     * A write that left its wait for durability to the dispatcher ({@link DurabilityWait}) is
     * answered only once its commit is on disk: its latency (or its failure) is recorded then.
     */
    private void observeSuccess(String operationName, ObjectNode request, long started, JsonNode result) {
        boolean deferred = DurabilityWait.deferObservation(failure ->
                observer.completed(operationName, request, System.nanoTime() - started, failure == null ? result : null, failure));
        if (!deferred) {
            observer.completed(operationName, request, System.nanoTime() - started, result, null);
        }
    }

    /** Only requests to an operation this dispatcher runs: an unknown name is the caller's, not a meter's. */
    private void observe(Operation operation, String operationName, ObjectNode request, long started, DynamoDbException e) {
        if (observer != null && operation != null) {
            observer.completed(operationName, request, System.nanoTime() - started, null, e);
        }
    }

    /** The answer to an operation that failed unexpectedly (e.g. its group commit could not be written). */
    public static Response failed(String target, Throwable failure) {
        return error(unexpected(target, failure));
    }

    /** The DynamoDB error a failure stands for; anything but a DynamoDB error is logged and is an internal error. */
    static DynamoDbException unexpected(String target, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof DynamoDbException e) {
            return e;
        }
        LOG.log(Level.SEVERE, "Unexpected failure of " + target, cause);
        return DynamoDbException.internalServerError("Internal server error");
    }

    public static Response error(DynamoDbException e) {
        return Response.of(e.status(), AwsJsonProtocol.errorBody(e));
    }
}
