package dev.ddb.common.encryption;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

import org.h2.mvstore.MVStore;

/**
 * Opens an MVStore file encrypted with a key derived from the master key for that file (MVStore's
 * own encryption: AES in XTS mode over every block of the file, {@code MVStore.Builder.encryptionKey}).
 * The file's {@link KeyCheck} is checked first, so a wrong master key is refused with a message
 * naming the file, before MVStore would call the file corrupted.
 *
 * <p>A store written by a version of ddb without encryption (a store file without a check file) is
 * refused too, with how to migrate: MVStore cannot re-encrypt a file in place, and copying maps
 * generically would need each map's data types.
 */
public final class EncryptedMVStore {

    private EncryptedMVStore() {
    }

    /**
     * @param file     the store file (created when missing)
     * @param settings the rest of the builder's settings (auto-commit, page size, ...)
     * @throws MasterKeyException when the key does not open the file, or the file is not encrypted
     */
    public static MVStore open(Path file, MasterKey key, UnaryOperator<MVStore.Builder> settings) {
        String purpose = "mvstore/" + file.getFileName();
        KeyCheck.Result checked = KeyCheck.check(file, key, purpose);
        if (checked == KeyCheck.Result.MISSING) {
            throw new MasterKeyException(file + " is not encrypted (it has no " + KeyCheck.checkFile(file).getFileName()
                    + "): it was written by a version of ddb before encryption at rest. Move the table data over with an"
                    + " export and an import (see \"Security: encryption at rest\" in the README), or start on an empty data directory");
        }
        char[] password = HexFormat.of().withUpperCase().formatHex(key.derive(purpose).getEncoded()).toCharArray();
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).encryptionKey(password);
        return settings.apply(builder).open();
    }
}
