package dev.ddb.common.encryption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

import org.h2.mvstore.MVStore;
import org.h2.store.fs.encrypt.FilePathEncrypt;

/**
 * Opens an MVStore file encrypted with a key derived from the master key for that file: AES in XTS
 * mode over every block of the file, in the format of MVStore's own encryption
 * ({@code MVStore.Builder.encryptionKey}) but with the JDK's AES ({@link AesXtsFilePath}).
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
        String purpose = KeyPurposes.mvStore(file);
        KeyCheck.Result checked = KeyCheck.check(file, key, purpose);
        if (checked == KeyCheck.Result.MISSING) {
            throw new MasterKeyException(file + " is not encrypted (it has no " + KeyCheck.checkFile(file).getFileName()
                    + "): it was written by a version of ddb before encryption at rest. Move the table data over with an"
                    + " export and an import (see \"Security: encryption at rest\" in the README), or start on an empty data directory");
        }
        MVStore.Builder builder = settings.apply(new MVStore.Builder().fileName(AesXtsFilePath.nameOf(file)));
        return AesXtsFilePath.open(file, passwordBytes(key, purpose), builder::open);
    }

    /**
     * Re-encrypts a closed store file under another master key (offline key rotation): MVStore's
     * encrypted file is a block device, so its decrypted bytes are copied block by block into a new
     * file encrypted under the new key (new salt), which then replaces it, with a new check file.
     *
     * @throws MasterKeyException when {@code from} does not open the file
     */
    public static void reencrypt(Path file, MasterKey from, MasterKey to) {
        String purpose = KeyPurposes.mvStore(file);
        if (KeyCheck.check(file, from, purpose) != KeyCheck.Result.MATCHES) {
            throw new MasterKeyException(file + " has no " + KeyCheck.checkFile(file).getFileName() + ": it is not a store of this version");
        }
        Path rotating = file.resolveSibling(file.getFileName() + ".rotating");
        try {
            Files.deleteIfExists(rotating);
            try (FileChannel source = new AesXtsFileChannel(file.toString(), passwordBytes(from, purpose),
                         FileChannel.open(file, StandardOpenOption.READ));
                 FileChannel target = new AesXtsFileChannel(rotating.toString(), passwordBytes(to, purpose),
                         FileChannel.open(rotating, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE))) {
                ByteBuffer block = ByteBuffer.allocate(256 * AesXts.SECTOR_BYTES);
                long size = source.size();
                for (long at = 0; at < size; ) {
                    block.clear().limit((int) Math.min(block.capacity(), size - at));
                    int read = source.read(block, at);
                    if (read <= 0) {
                        throw new IOException("unexpected end of " + file + " at " + at);
                    }
                    block.flip();
                    long writeAt = at;
                    while (block.hasRemaining()) {
                        writeAt += target.write(block, writeAt);
                    }
                    at += read;
                }
                target.force(true);
            }
            Files.move(rotating, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot re-encrypt " + file, e);
        }
        KeyCheck.write(file, to, purpose);
    }

    /** H2's password for the file (the derived key in hex), as MVStore.Builder.encryptionKey takes it. */
    static char[] password(MasterKey key, String purpose) {
        return HexFormat.of().withUpperCase().formatHex(key.derive(purpose).getEncoded()).toCharArray();
    }

    private static byte[] passwordBytes(MasterKey key, String purpose) {
        return FilePathEncrypt.getPasswordBytes(password(key, purpose));
    }
}
