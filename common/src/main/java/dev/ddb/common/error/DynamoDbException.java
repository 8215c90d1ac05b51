package dev.ddb.common.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * An error answered to the client exactly as DynamoDB answers it: HTTP status,
 * a fully qualified {@code __type} and a {@code message}.
 */
public class DynamoDbException extends RuntimeException {

    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";
    private static final String CORAL_SERVICE = "com.amazon.coral.service#";
    private static final String CORAL_VALIDATE = "com.amazon.coral.validate#";
    /** The {@code __type} of a ValidationException. */
    public static final String VALIDATION_EXCEPTION = CORAL_VALIDATE + "ValidationException";

    private final String type;
    private final int status;
    private final Map<String, JsonNode> members = new LinkedHashMap<>();
    private String messageMember = "message";

    public DynamoDbException(String type, String message, int status) {
        super(message);
        this.type = type;
        this.status = status;
    }

    /** The fully qualified {@code __type}, e.g. {@code com.amazon.coral.validate#ValidationException}. */
    public String type() {
        return type;
    }

    /** The short error code the SDKs expose, e.g. {@code ValidationException}. */
    public String code() {
        return type.substring(type.indexOf('#') + 1);
    }

    public int status() {
        return status;
    }

    /** Extra members of the error body, e.g. the {@code Item} of a failed condition (ReturnValuesOnConditionCheckFailure). */
    public DynamoDbException withMember(String name, JsonNode value) {
        members.put(name, value);
        return this;
    }

    /** The name the body gives the message: DynamoDB writes {@code message}, and {@code Message} for a few errors. */
    public String messageMember() {
        return messageMember;
    }

    private DynamoDbException withMessageMember(String name) {
        messageMember = name;
        return this;
    }

    public Map<String, JsonNode> members() {
        return Collections.unmodifiableMap(members);
    }

    public static DynamoDbException validation(String message) {
        return new DynamoDbException(VALIDATION_EXCEPTION, message, 400);
    }

    /** The "One or more parameter values were invalid: ..." family of validation errors. */
    public static DynamoDbException invalidParameter(String detail) {
        return validation("One or more parameter values were invalid: " + detail);
    }

    public static DynamoDbException serialization(String message) {
        return new DynamoDbException(CORAL_SERVICE + "SerializationException", message, 400);
    }

    public static DynamoDbException unknownOperation() {
        return new DynamoDbException(CORAL_SERVICE + "UnknownOperationException", null, 400);
    }

    /** An operation DynamoDB has that this server does not implement yet (a typo gets {@link #unknownOperation()}). */
    public static DynamoDbException notImplemented(String operation) {
        return new DynamoDbException(CORAL_SERVICE + "UnknownOperationException",
                "The operation " + operation + " is not implemented by this server yet", 400);
    }

    public static DynamoDbException missingAuthenticationToken() {
        return new DynamoDbException(CORAL_SERVICE + "MissingAuthenticationTokenException",
                "Request is missing Authentication Token", 400);
    }

    /** The request's signer is not allowed to do it; the message names the principal, action and resource, as IAM does. */
    public static DynamoDbException accessDenied(String message) {
        return new DynamoDbException(CORAL_SERVICE + "AccessDeniedException", message, 400).withMessageMember("Message");
    }

    public static DynamoDbException resourceNotFound(String message) {
        return new DynamoDbException(DYNAMODB + "ResourceNotFoundException", message, 400);
    }

    /** The message DynamoDB gives for an operation on a table that does not exist. */
    public static DynamoDbException tableNotFound(String tableName) {
        return resourceNotFound("Requested resource not found: Table: " + tableName + " not found");
    }

    public static DynamoDbException resourceInUse(String message) {
        return new DynamoDbException(DYNAMODB + "ResourceInUseException", message, 400);
    }

    public static DynamoDbException limitExceeded(String message) {
        return new DynamoDbException(DYNAMODB + "LimitExceededException", message, 400);
    }

    public static DynamoDbException conditionalCheckFailed(String message) {
        return new DynamoDbException(DYNAMODB + "ConditionalCheckFailedException", message, 400);
    }

    /** A PartiQL INSERT of an item whose key is taken. */
    public static DynamoDbException duplicateItem(String message) {
        return new DynamoDbException(DYNAMODB + "DuplicateItemException", message, 400);
    }

    /** A cancelled transaction; its CancellationReasons go in as a member. */
    public static DynamoDbException transactionCanceled(String message) {
        return new DynamoDbException(DYNAMODB + "TransactionCanceledException", message, 400);
    }

    /** A ClientRequestToken used again, within its 10 minutes, with another request. */
    public static DynamoDbException idempotentParameterMismatch(String message) {
        return new DynamoDbException(DYNAMODB + "IdempotentParameterMismatchException", message, 400);
    }

    public static DynamoDbException internalServerError(String message) {
        return new DynamoDbException(DYNAMODB + "InternalServerError", message, 500);
    }

    public static DynamoDbException serviceUnavailable(String message) {
        return new DynamoDbException(CORAL_SERVICE + "ServiceUnavailableException", message, 503);
    }
}
