package dev.ddb.backup.clients;

/** The table a restore is loading is gone (deleted, or its restore abandoned): the restore cannot go on. */
public final class RestoreTargetGoneException extends RuntimeException {

    public RestoreTargetGoneException(String message) {
        super(message);
    }
}
