package dev.ddb.common.encryption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small file beside an encrypted file ({@code <file>.keycheck}) that says whether a master key
 * is the one the file was encrypted with, before anything tries to decrypt it: it holds an
 * HMAC-SHA256 of a fixed text under a key derived for that file, which tells nothing about the
 * key. Without it a wrong key shows only as an obscure "file corrupted" deep inside MVStore.
 */
public final class KeyCheck {

    private static final String FORMAT = "ddb-key-check v1 ";
    private static final byte[] TEXT = "ddb: this master key opens this file".getBytes(StandardCharsets.UTF_8);

    private KeyCheck() {
    }

    /** What {@link #check} found. */
    public enum Result {
        /** The check file says the key is the right one. */
        MATCHES,
        /** Neither the file nor its check file exists: a new file, the check file was written. */
        CREATED,
        /** The file exists without a check file: written by a version without encryption (or the check file was lost). */
        MISSING
    }

    public static Path checkFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".keycheck");
    }

    /**
     * Checks {@code key} against {@code file}'s check file, writing the check file when neither exists.
     *
     * @throws MasterKeyException when the check file says the key is another one
     */
    public static Result check(Path file, MasterKey key, String purpose) {
        Path checkFile = checkFile(file);
        String expected = FORMAT + Base64.getEncoder().encodeToString(mac(key, purpose));
        try {
            if (!Files.exists(checkFile)) {
                if (Files.exists(file)) {
                    return Result.MISSING;
                }
                write(checkFile, expected);
                return Result.CREATED;
            }
            String stored = Files.readString(checkFile, StandardCharsets.US_ASCII).strip();
            if (!MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII))) {
                throw new MasterKeyException(wrongKey(key, file));
            }
            return Result.MATCHES;
        } catch (IOException e) {
            throw new MasterKeyException("Cannot check the master key against " + file + " (" + checkFile + "): " + e.getMessage());
        }
    }

    /** Writes (or replaces) {@code file}'s check file for {@code key}: after the file was re-encrypted under it. */
    public static void write(Path file, MasterKey key, String purpose) {
        try {
            write(checkFile(file), FORMAT + Base64.getEncoder().encodeToString(mac(key, purpose)));
        } catch (IOException e) {
            throw new MasterKeyException("Cannot write " + checkFile(file) + ": " + e.getMessage());
        }
    }

    /** The message for a file the key does not open. */
    public static String wrongKey(MasterKey key, Path file) {
        return "The master key in " + key.source() + " does not open " + file
                + ": it was encrypted with another master key. Start with the key it was written with"
                + " (DDB_MASTER_KEY_FILE), or see \"Rotating the master key\" in the README";
    }

    /** Synced: a check file lost in a crash would make its store look like one of an older version. */
    private static void write(Path checkFile, String text) throws IOException {
        Path temporary = checkFile.resolveSibling(checkFile.getFileName() + ".tmp");
        Files.writeString(temporary, text + "\n", StandardCharsets.US_ASCII);
        Durably.force(temporary);
        Files.move(temporary, checkFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Durably.force(checkFile.toAbsolutePath().getParent());
    }

    private static byte[] mac(MasterKey key, String purpose) {
        byte[] checkKey = key.deriveBytes("key-check/" + purpose, 32);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(checkKey, "HmacSHA256"));
            return mac.doFinal(TEXT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        } finally {
            Arrays.fill(checkKey, (byte) 0);
        }
    }
}
