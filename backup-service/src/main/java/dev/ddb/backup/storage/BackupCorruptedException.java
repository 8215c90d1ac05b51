package dev.ddb.backup.storage;

/** A backup's file is missing, or its content is not what was written (its checksum differs). */
public final class BackupCorruptedException extends RuntimeException {

    public BackupCorruptedException(String message) {
        super(message);
    }
}
