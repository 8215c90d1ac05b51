package dev.ddb.common.protocol;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One DynamoDB API operation: a request object in, a response object out, or a DynamoDbException. */
@FunctionalInterface
public interface Operation {
    JsonNode invoke(ObjectNode request);
}
