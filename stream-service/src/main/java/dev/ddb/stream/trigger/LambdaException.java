package dev.ddb.stream.trigger;

/**
 * An error of the Lambda API, answered as Lambda does: the status, the type in the
 * {@code x-amzn-ErrorType} header and {@code {"Type":"User","message":...}} as the body.
 */
public class LambdaException extends RuntimeException {

    private final int status;
    private final String type;

    public LambdaException(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public static LambdaException invalidParameter(String message) {
        return new LambdaException(400, "InvalidParameterValueException", message);
    }

    public static LambdaException notFound(String message) {
        return new LambdaException(404, "ResourceNotFoundException", message);
    }

    public static LambdaException conflict(String message) {
        return new LambdaException(409, "ResourceConflictException", message);
    }
}
