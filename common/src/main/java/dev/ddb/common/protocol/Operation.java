package dev.ddb.common.protocol;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One DynamoDB API operation: a request object in, a response object out, or a DynamoDbException. */
@FunctionalInterface
public interface Operation {

    /** @param context the request's region */
    JsonNode invoke(RequestContext context, ObjectNode request);

    /** The operation for a request in the default region. */
    default JsonNode invoke(ObjectNode request) {
        return invoke(RequestContext.DEFAULT, request);
    }
}
