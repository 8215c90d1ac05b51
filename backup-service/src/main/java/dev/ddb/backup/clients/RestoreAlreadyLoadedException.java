package dev.ddb.backup.clients;

/** item-service has finished the restore of the table already (a crash came before table-service's part). */
public final class RestoreAlreadyLoadedException extends RuntimeException {

    public RestoreAlreadyLoadedException(String message) {
        super(message);
    }
}
