package dev.ddb.gateway.api;

import dev.ddb.common.error.DynamoDbException;

/**
 * The errors of requests that never get as far as naming an operation: the wrong method, path or
 * content type, a body over the size limit, HTTP that could not be decoded.
 */
final class EndpointErrors {

    private static final String CORAL_SERVICE = "com.amazon.coral.service#";

    private EndpointErrors() {
    }

    /**
     * What DynamoDB answers a request that is no AWS JSON 1.0 call at all (a PUT, a body that is not
     * JSON 1.0): 404 UnknownOperationException without a message, the AWS common errors' status for it.
     */
    static DynamoDbException noSuchEndpoint() {
        return new DynamoDbException(CORAL_SERVICE + "UnknownOperationException", null, 404);
    }

    /** A body over DynamoDB's request size limit (16 MB); DynamoDB answers 413. */
    static DynamoDbException requestEntityTooLarge(long maxBytes) {
        return new DynamoDbException(CORAL_SERVICE + "RequestEntityTooLargeException",
                "The request entity is too large. The maximum request size is " + maxBytes + " bytes.", 413);
    }

    static DynamoDbException requestUriTooLong() {
        return malformedHttpRequest("Request-URI Too Long", 414);
    }

    static DynamoDbException requestHeaderFieldsTooLarge() {
        return malformedHttpRequest("Request Header Fields Too Large", 431);
    }

    static DynamoDbException badHttpRequest() {
        return malformedHttpRequest("Bad Request", 400);
    }

    /** The AWS common errors' type for "problems with the request at the HTTP level". */
    static DynamoDbException malformedHttpRequest(String message, int status) {
        return new DynamoDbException(CORAL_SERVICE + "MalformedHttpRequestException", message, status);
    }
}
