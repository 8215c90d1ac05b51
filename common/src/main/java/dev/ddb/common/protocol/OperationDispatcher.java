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

    /** @param operations by operation name, e.g. "PutItem" */
    public OperationDispatcher(Map<String, Operation> operations) {
        this.operations = Map.copyOf(operations);
    }

    public boolean handles(String operationName) {
        return operations.containsKey(operationName);
    }

    /** A request in the default region. */
    public Response dispatch(String target, byte[] body) {
        return dispatch(RequestContext.DEFAULT, target, body);
    }

    public Response dispatch(RequestContext context, String target, byte[] body) {
        try {
            String operationName = AwsJsonProtocol.operationOf(target);
            Operation operation = operations.get(operationName);
            if (operation == null) {
                ServiceModel model = ServiceModel.forTarget(target);
                throw model != null && model.hasOperation(operationName)
                        ? DynamoDbException.notImplemented(operationName)
                        : DynamoDbException.unknownOperation();
            }
            ObjectNode request = Json.parseRequest(body);
            // Types and declared constraints of every member, before any operation code sees the request.
            RequestValidator.validate(ServiceModel.owning(operationName), operationName, request);
            JsonNode result = operation.invoke(context, request);
            return Response.of(200, Json.write(result == null ? Json.object() : result));
        } catch (DynamoDbException e) {
            return error(e);
        } catch (RuntimeException e) {
            return failed(target, e);
        }
    }

    /** The answer to an operation that failed unexpectedly (e.g. its group commit could not be written). */
    public static Response failed(String target, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof DynamoDbException e) {
            return error(e);
        }
        LOG.log(Level.SEVERE, "Unexpected failure of " + target, cause);
        return error(DynamoDbException.internalServerError("Internal server error"));
    }

    public static Response error(DynamoDbException e) {
        return Response.of(e.status(), AwsJsonProtocol.errorBody(e));
    }
}
