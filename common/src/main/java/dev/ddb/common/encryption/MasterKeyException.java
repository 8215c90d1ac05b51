package dev.ddb.common.encryption;

/** The master key is missing, unreadable, or not the one a store or file was encrypted with: the service cannot start. */
public final class MasterKeyException extends RuntimeException {

    public MasterKeyException(String message) {
        super(message);
    }
}
