package dev.ddb.backup.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.encryption.FileCipher;
import dev.ddb.common.encryption.FileDecryptionException;
import dev.ddb.common.encryption.KeyPurposes;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The backups' data files under {@code <data-dir>/backups}: one gzip file per backup,
 * {@code <backupId>.ndjson.gz}, holding the table's items as newline-delimited DynamoDB JSON
 * ({@code {"Item":{...}}} per line, the layout of DynamoDB's exports). A file is written under a
 * temporary name, fsynced, then renamed (and the directory fsynced), so a crash never leaves a
 * partial file under a backup's name; its SHA-256, kept in the catalog, is checked before a restore.
 * The gzip stream is encrypted ({@link FileCipher}: chunked AES-GCM under a key derived from the
 * master key). The SHA-256 is of the gzip stream, not of the encrypted bytes, so that re-encrypting
 * under a new master key leaves it true; checking it decrypts the file, whose AES-GCM tags catch
 * any changed byte first.
 */
public final class BackupFiles {

    private static final String SUFFIX = ".ndjson.gz";
    private static final String TEMPORARY = ".tmp";

    private final Path directory;
    private final FileCipher cipher;

    public BackupFiles(Path dataDir, MasterKey masterKey) {
        this.cipher = new FileCipher(masterKey, KeyPurposes.BACKUP_FILES);
        this.directory = dataDir.resolve("backups");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    /** What {@link #write} stored. */
    public record Written(String sha256, long itemCount, long sizeBytes) {
    }

    /**
     * Writes a backup's file from a snapshot stream: {@code {"Item":...}} lines ended by an
     * {@code {"ItemCount":n}} line, which must be there and agree (else the stream was cut short
     * and nothing is kept).
     */
    public Written write(String backupId, InputStream snapshot) throws IOException {
        Path temporary = directory.resolve(backupId + SUFFIX + TEMPORARY);
        MessageDigest digest = sha256();
        long items = 0;
        long bytes = 0;
        Long announced = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(snapshot, StandardCharsets.UTF_8));
             OutputStream file = Files.newOutputStream(temporary);
             OutputStream gzip = new GZIPOutputStream(new DigestOutputStream(cipher.encrypt(file), digest), 64 * 1024)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = Json.read(line.getBytes(StandardCharsets.UTF_8));
                JsonNode item = node.get("Item");
                if (item == null) {
                    announced = node.path("ItemCount").longValue();
                    break;
                }
                bytes += ItemSize.of(AttributeValueJson.readStoredItem(item));
                items++;
                gzip.write(line.getBytes(StandardCharsets.UTF_8));
                gzip.write('\n');
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        if (announced == null || announced != items) {
            Files.deleteIfExists(temporary);
            throw new IOException("Snapshot stream of backup " + backupId + " ended after " + items
                    + " items without its ItemCount line, or with another count (" + announced + ")");
        }
        force(temporary);
        Files.move(temporary, file(backupId), StandardCopyOption.ATOMIC_MOVE);
        force(directory);
        return new Written(HexFormat.of().formatHex(digest.digest()), items, bytes);
    }

    /** @throws BackupCorruptedException when the file is missing or its SHA-256 is not {@code sha256} */
    public void verify(String backupId, String sha256) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(cipher.decrypt(Files.newInputStream(file(backupId)), "it"), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (FileDecryptionException e) {
            throw new BackupCorruptedException("The file of backup " + backupId + " is corrupted: " + e.getMessage());
        } catch (IOException e) {
            throw new BackupCorruptedException("Cannot read the file of backup " + backupId + ": " + e);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(sha256)) {
            throw new BackupCorruptedException("The file of backup " + backupId + " is corrupted: its SHA-256 is "
                    + actual + ", " + sha256 + " was written");
        }
    }

    /** Hands each {@code {"Item":...}} line of a backup to {@code line}, in order. */
    public void readLines(String backupId, Consumer<String> line) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(cipher.decrypt(Files.newInputStream(file(backupId)), "The file of backup " + backupId), 64 * 1024),
                StandardCharsets.UTF_8))) {
            String next;
            while ((next = lines.readLine()) != null) {
                if (!next.isBlank()) {
                    line.accept(next);
                }
            }
        } catch (IOException e) {
            throw new BackupCorruptedException("Cannot read the file of backup " + backupId + ": " + e);
        }
    }

    public void delete(String backupId) {
        try {
            Files.deleteIfExists(file(backupId));
            Files.deleteIfExists(directory.resolve(backupId + SUFFIX + TEMPORARY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes what backups cut short by a crash left behind. */
    public void deleteTemporaryFiles() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + TEMPORARY)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(String backupId) {
        return directory.resolve(backupId + SUFFIX);
    }

    private static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
