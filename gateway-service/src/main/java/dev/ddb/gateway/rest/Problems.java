package dev.ddb.gateway.rest;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;

/**
 * RFC 9457 problem details ({@code application/problem+json}: {@code type}, {@code title},
 * {@code status}, {@code detail}) and, for DynamoDB's errors, DynamoDB's {@code __type}. Each of
 * DynamoDB's errors gets the HTTP status a REST client expects:
 *
 * <pre>
 * ResourceNotFoundException                                        404
 * ConditionalCheckFailedException, ResourceInUseException,
 *   TransactionConflictException                                   409
 * ProvisionedThroughputExceededException, ThrottlingException,
 *   RequestLimitExceeded                                           429
 * MissingAuthenticationTokenException, UnrecognizedClientException,
 *   InvalidSignatureException (no or a wrong signature)            401
 * AccessDeniedException (the policies do not allow it)             403
 * InternalServerError 500, ServiceUnavailableException 503; any other error 400
 * </pre>
 */
final class Problems {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    /** The developer guide's list of DynamoDB's errors, for the {@code type} of each. */
    static final String DYNAMODB_ERRORS = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html";

    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry("ResourceNotFoundException", 404),
            Map.entry("ConditionalCheckFailedException", 409),
            Map.entry("ResourceInUseException", 409),
            Map.entry("TransactionConflictException", 409),
            Map.entry("ProvisionedThroughputExceededException", 429),
            Map.entry("ThrottlingException", 429),
            Map.entry("RequestLimitExceeded", 429),
            Map.entry("MissingAuthenticationTokenException", 401),
            Map.entry("UnrecognizedClientException", 401),
            Map.entry("InvalidSignatureException", 401),
            Map.entry("AccessDeniedException", 403),
            Map.entry("InternalServerError", 500),
            Map.entry("InternalFailure", 500),
            Map.entry("ServiceUnavailableException", 503),
            Map.entry("ServiceUnavailable", 503));

    private Problems() {
    }

    /** A DynamoDB error answer (status and body as the service wrote it) as a problem. */
    static RestProblem fromDynamoDb(int status, byte[] body) {
        JsonNode error;
        try {
            error = Json.read(body);
        } catch (RuntimeException notJson) {
            error = Json.object();
        }
        String type = error.path("__type").asString("com.amazonaws.dynamodb.v20120810#InternalServerError");
        String message = error.has("message") ? error.path("message").asString("") : error.path("Message").asString("");
        return fromDynamoDb(type, message, status);
    }

    static RestProblem fromDynamoDb(DynamoDbException e) {
        return fromDynamoDb(e.type(), e.getMessage() == null ? "" : e.getMessage(), e.status());
    }

    private static RestProblem fromDynamoDb(String type, String message, int wireStatus) {
        String code = type.substring(type.indexOf('#') + 1);
        int status = STATUS.getOrDefault(code, wireStatus >= 500 ? wireStatus : 400);
        return new RestProblem(status, code, message, type);
    }

    static Mono<ServerResponse> render(RestProblem problem) {
        return render(problem, headers -> { });
    }

    /** With headers of its own, e.g. a 405's {@code Allow}. */
    static Mono<ServerResponse> render(RestProblem problem, java.util.function.Consumer<HttpHeaders> headers) {
        ObjectNode body = Json.object()
                .put("type", problem.dynamoDbType() != null ? DYNAMODB_ERRORS : "about:blank")
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.getMessage());
        if (problem.dynamoDbType() != null) {
            body.put("__type", problem.dynamoDbType());
        }
        ServerResponse.BodyBuilder response = ServerResponse.status(problem.status()).contentType(PROBLEM_JSON);
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "AWS4-HMAC-SHA256");
        }
        if (problem.status() == 429 || problem.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.headers(headers).bodyValue(Json.write(body));
    }
}
