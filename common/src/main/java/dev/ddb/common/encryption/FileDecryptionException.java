package dev.ddb.common.encryption;

import java.io.IOException;

/** An encrypted file does not decrypt: another key, changed or cut-off bytes, or not an encrypted file at all. */
public final class FileDecryptionException extends IOException {

    public FileDecryptionException(String message) {
        super(message);
    }
}
