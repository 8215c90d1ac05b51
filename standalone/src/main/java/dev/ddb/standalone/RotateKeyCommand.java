package dev.ddb.standalone;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.ddb.common.encryption.EncryptedMVStore;
import dev.ddb.common.encryption.FileCipher;
import dev.ddb.common.encryption.KeyCheck;
import dev.ddb.common.encryption.KeyPurposes;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.encryption.MasterKeyException;
import dev.ddb.common.encryption.RecordCipher;
import dev.ddb.common.encryption.RecordFiles;

/**
 * {@code rotate-key <new key file>}: re-encrypts, with the stack stopped, everything under the data
 * directory that the current master key encrypts (every MVStore file with a key-check file,
 * item-service's write-ahead log, PITR segments, backup files and PITR base snapshots) under the
 * key in the new file (created with a random key when missing). Kafka's directory is not touched:
 * it is not encrypted. Every store is checked against the current key before anything is changed.
 */
public final class RotateKeyCommand {

    private RotateKeyCommand() {
    }

    /** @return the exit code */
    public static int run(String[] args, StackSettings settings, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("Usage: java -jar ddb-standalone.jar rotate-key <new master key file>");
            return 2;
        }
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        try {
            MasterKey current = MasterKey.read(settings.masterKeyPath());
            MasterKey.Loaded next = MasterKey.readOrCreate(Path.of(args[0]).toAbsolutePath().normalize());
            if (next.created()) {
                out.println("Created a new master key in " + next.key().source());
            }
            List<Path> files = files(dataDir);
            List<Path> stores = files.stream().filter(f -> Files.exists(KeyCheck.checkFile(f))).toList();
            for (Path store : stores) {
                // refuses (naming the file) before anything is rewritten
                KeyCheck.check(store, current, KeyPurposes.mvStore(store));
            }
            for (Path store : stores) {
                EncryptedMVStore.reencrypt(store, current, next.key());
                out.println("re-encrypted " + dataDir.relativize(store));
            }
            RecordCipher walFrom = new RecordCipher(current, KeyPurposes.ITEM_WAL);
            RecordCipher walTo = new RecordCipher(next.key(), KeyPurposes.ITEM_WAL);
            RecordCipher segmentFrom = new RecordCipher(current, KeyPurposes.PITR_SEGMENTS);
            RecordCipher segmentTo = new RecordCipher(next.key(), KeyPurposes.PITR_SEGMENTS);
            FileCipher backupFrom = new FileCipher(current, KeyPurposes.BACKUP_FILES);
            FileCipher backupTo = new FileCipher(next.key(), KeyPurposes.BACKUP_FILES);
            for (Path file : files) {
                String name = file.getFileName().toString();
                String relative = dataDir.relativize(file).toString();
                if (name.matches("items\\.wal\\.\\d+")) {
                    out.println("re-encrypted " + relative + " (" + RecordFiles.reseal(file, walFrom, walTo) + " records)");
                } else if (name.endsWith(".seg") && relative.contains("pitr")) {
                    out.println("re-encrypted " + relative + " (" + RecordFiles.reseal(file, segmentFrom, segmentTo) + " records)");
                } else if (name.endsWith(".ndjson.gz") && !relative.contains("exports")) {
                    FileCipher.reencrypt(file, backupFrom, backupTo);
                    out.println("re-encrypted " + relative);
                }
            }
            out.println("Done: start with DDB_MASTER_KEY_FILE=" + next.key().source() + ", then destroy the old key "
                    + current.source());
            return 0;
        } catch (MasterKeyException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("Rotation failed: " + e.getMessage() + ". Put the copy of the data directory back and run it again.");
            return 1;
        }
    }

    /** Every regular file under the data directory but Kafka's. */
    private static List<Path> files(Path dataDir) throws IOException {
        Path kafka = dataDir.resolve("kafka");
        try (Stream<Path> paths = Files.walk(dataDir)) {
            return new ArrayList<>(paths.filter(Files::isRegularFile).filter(p -> !p.startsWith(kafka)).sorted().toList());
        }
    }
}
