package dev.ddb.gateway.api;

import org.springframework.http.HttpHeaders;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.protocol.AwsJsonProtocol;

/**
 * DynamoDB reads a body only as {@code application/x-amz-json-1.0} or {@code application/json}
 * (parameters such as a charset aside). A body of any other type, or without a Content-Type, gets
 * the answer of a request that is no operation at all; a request without a body needs no type.
 */
final class RequestContentType {

    private RequestContentType() {
    }

    /** @throws DynamoDbException 404 UnknownOperationException when the body's type is not JSON 1.0 */
    static void check(HttpHeaders headers, byte[] body) {
        if (body.length > 0 && !isJson(headers.getFirst(HttpHeaders.CONTENT_TYPE))) {
            throw EndpointErrors.noSuchEndpoint();
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return mediaType.equalsIgnoreCase(AwsJsonProtocol.CONTENT_TYPE) || mediaType.equalsIgnoreCase("application/json");
    }
}
