package dev.ddb.backup.clients;

/**
 * item-service refused a chunk of a restore (400): sending it again would be refused again, so the
 * restore cannot complete.
 */
public final class RestoreRefusedException extends RuntimeException {

    public RestoreRefusedException(String message) {
        super(message);
    }
}
