package dev.ddb.gateway.rest;

/**
 * A REST request that cannot be answered with what it asked for: rendered as an RFC 9457 problem
 * ({@code application/problem+json}) by {@link Problems}.
 *
 * @see Problems
 */
final class RestProblem extends RuntimeException {

    private final int status;
    private final String title;
    /** DynamoDB's fully qualified {@code __type} when DynamoDB answered the error; null for the REST API's own. */
    private final String dynamoDbType;

    RestProblem(int status, String title, String detail, String dynamoDbType) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.dynamoDbType = dynamoDbType;
    }

    /** Bad input the REST layer itself finds (a malformed document, parameter or token). */
    static RestProblem badRequest(String detail) {
        return new RestProblem(400, "Bad Request", detail, null);
    }

    static RestProblem notFound(String detail) {
        return new RestProblem(404, "Not Found", detail, null);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    String dynamoDbType() {
        return dynamoDbType;
    }
}
