package dev.ddb.backup.clients;

/** An internal call failed (the other service unreachable, or an unexpected answer); it may work when tried again. */
public class InternalCallException extends RuntimeException {

    public InternalCallException(String message) {
        super(message);
    }

    public InternalCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
