package dev.ddb.common.encryption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The suite's master key: 32 random bytes, kept in a file as base64 (what
 * {@code openssl rand -base64 32} prints). Nothing is encrypted with it directly: each store and
 * each kind of file gets its own key derived from it with HKDF-SHA256 ({@link #derive}), so one
 * derived key seen never gives away another. Its bytes never leave this class except as derived
 * keys, and {@link #toString} names only the file.
 */
public final class MasterKey {

    public static final int BYTES = 32;
    private static final byte[] SALT = "ddb master key v1".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;
    private final Path file;

    private MasterKey(byte[] bytes, Path file) {
        this.bytes = bytes;
        this.file = file;
    }

    /** A new random key kept only in memory (tests; {@link #createFile} for one that lasts). */
    public static MasterKey generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new MasterKey(bytes, null);
    }

    /** Reads the key in {@code file}. */
    public static MasterKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new MasterKeyException("Cannot read the master key file " + file + ": " + e.getMessage());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != BYTES) {
            throw new MasterKeyException("The master key file " + file + " must hold " + BYTES
                    + " random bytes in base64 (e.g. the output of `openssl rand -base64 32`)");
        }
        return new MasterKey(bytes, file);
    }

    /**
     * Reads the key in {@code file}, first creating it with a new random key (readable by its owner
     * only) when there is none. Several processes may race to create it: one wins, all read its key.
     *
     * @return the key, and whether this call created the file
     */
    public static Loaded readOrCreate(Path file) {
        if (Files.exists(file)) {
            return new Loaded(read(file), false);
        }
        return new Loaded(createFile(file), true);
    }

    /** The file a service takes its key from: {@code configuredFile} ({@code DDB_MASTER_KEY_FILE}), else {@code <dataDir>/master.key}. */
    public static Path file(String configuredFile, Path dataDir) {
        return configuredFile == null || configuredFile.isBlank() ? dataDir.resolve("master.key") : Path.of(configuredFile.strip());
    }

    /** Writes a new random key to {@code file} (mode 600 where the file system has modes); an existing file wins. */
    static MasterKey createFile(Path file) {
        Path absolute = file.toAbsolutePath();
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            temporary = Files.createTempFile(absolute.getParent(), ".master-key", ".tmp");
            restrictToOwner(temporary);
            Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
            Durably.force(temporary); // a key lost in a crash would lose the data encrypted under it
            try {
                // a link never replaces a file: a key another process wrote first stays
                Files.createLink(absolute, temporary);
            } catch (FileAlreadyExistsException e) {
                Arrays.fill(bytes, (byte) 0);
                return read(file);
            } catch (UnsupportedOperationException e) {
                Files.move(temporary, absolute);
                temporary = null;
            }
            Durably.force(absolute.getParent());
            return new MasterKey(bytes, file);
        } catch (IOException e) {
            throw new MasterKeyException("Cannot create the master key file " + file + ": " + e.getMessage());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // a stray temporary file: harmless, the key is in the real one
                }
            }
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its ACLs apply
        }
    }

    /** A 256-bit AES key for one purpose (a store, a kind of file); the same purpose always gives the same key. */
    public SecretKey derive(String purpose) {
        return new SecretKeySpec(deriveBytes(purpose, BYTES), "AES");
    }

    byte[] deriveBytes(String purpose, int length) {
        return Hkdf.derive(bytes, SALT, ("ddb/" + purpose).getBytes(StandardCharsets.UTF_8), length);
    }

    /** Where the key came from, for messages: its file, or "a generated key" for one only in memory. */
    public String source() {
        return file == null ? "the generated master key" : file.toString();
    }

    @Override
    public String toString() {
        return "MasterKey[" + source() + "]";
    }

    /** A key read or created by {@link #readOrCreate}. */
    public record Loaded(MasterKey key, boolean created) {
    }
}
