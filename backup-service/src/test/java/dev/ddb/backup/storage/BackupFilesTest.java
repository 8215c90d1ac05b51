package dev.ddb.backup.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;

class BackupFilesTest {

    private static final MasterKey KEY = MasterKey.generate();

    private static final String ITEMS = """
            {"Item":{"id":{"S":"a"},"n":{"N":"12345678901234567890123456789012345678"}}}
            {"Item":{"id":{"S":"b"},"m":{"M":{"l":{"L":[{"BOOL":true},{"NULL":true}]}}}}}
            """;

    @TempDir
    Path dataDir;

    private static ByteArrayInputStream stream(String lines) {
        return new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWrittenBackupReadsBackLineByLineAndVerifies() throws IOException {
        BackupFiles files = new BackupFiles(dataDir, KEY);
        BackupFiles.Written written = files.write("01700000000000-0000abcd", stream(ITEMS + "{\"ItemCount\":2}\n"));

        assertThat(written.itemCount()).isEqualTo(2);
        assertThat(written.sizeBytes()).isPositive();
        assertThat(written.sha256()).hasSize(64);
        files.verify("01700000000000-0000abcd", written.sha256());
        List<String> lines = new ArrayList<>();
        files.readLines("01700000000000-0000abcd", lines::add);
        assertThat(String.join("\n", lines) + "\n").isEqualTo(ITEMS);
        assertThat(Files.list(dataDir.resolve("backups"))).extracting(path -> path.getFileName().toString())
                .containsExactly("01700000000000-0000abcd.ndjson.gz");
    }

    @Test
    void anItemNestedDeeperThanRequestsMayIsBackedUp() throws IOException {
        // an update could nest an item beyond 32 levels before that was checked: its backups must still work
        String deep = "{\"S\":\"leaf\"}";
        for (int i = 0; i < 36; i++) {
            deep = "{\"M\":{\"a\":" + deep + "}}";
        }
        String items = ITEMS + "{\"Item\":{\"id\":{\"S\":\"deep\"},\"doc\":" + deep + "}}\n";
        BackupFiles files = new BackupFiles(dataDir, KEY);

        BackupFiles.Written written = files.write("01700000000000-0000abcd", stream(items + "{\"ItemCount\":3}\n"));

        assertThat(written.itemCount()).isEqualTo(3);
        List<String> lines = new ArrayList<>();
        files.readLines("01700000000000-0000abcd", lines::add);
        assertThat(String.join("\n", lines) + "\n").isEqualTo(items);
    }

    @Test
    void aChangedByteIsDetected() throws IOException {
        BackupFiles files = new BackupFiles(dataDir, KEY);
        BackupFiles.Written written = files.write("01700000000000-0000abcd", stream(ITEMS + "{\"ItemCount\":2}\n"));
        Path file = files.file("01700000000000-0000abcd");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);

        assertThatThrownBy(() -> files.verify("01700000000000-0000abcd", written.sha256()))
                .isInstanceOf(BackupCorruptedException.class)
                .hasMessageContaining("is corrupted");
    }

    @Test
    void theFileHoldsNoPlaintextAndAnotherKeyCannotReadIt() throws IOException {
        BackupFiles files = new BackupFiles(dataDir, KEY);
        BackupFiles.Written written = files.write("01700000000000-0000abcd", stream(ITEMS + "{\"ItemCount\":2}\n"));
        byte[] bytes = Files.readAllBytes(files.file("01700000000000-0000abcd"));
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).startsWith("DDBE");
        // the gzip stream's magic bytes would be there unencrypted
        assertThat(bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b).isFalse();

        BackupFiles otherKey = new BackupFiles(dataDir, MasterKey.generate());
        assertThatThrownBy(() -> otherKey.verify("01700000000000-0000abcd", written.sha256()))
                .isInstanceOf(BackupCorruptedException.class)
                .hasMessageStartingWith("The file of backup 01700000000000-0000abcd is corrupted: it cannot be decrypted with the master key");
        assertThatThrownBy(() -> otherKey.readLines("01700000000000-0000abcd", line -> { }))
                .isInstanceOf(BackupCorruptedException.class)
                .hasMessageContaining("cannot be decrypted with the master key");
    }

    @Test
    void aMissingFileIsDetected() {
        BackupFiles files = new BackupFiles(dataDir, KEY);
        assertThatThrownBy(() -> files.verify("01700000000000-0000abcd", "00"))
                .isInstanceOf(BackupCorruptedException.class);
    }

    @Test
    void aStreamCutShortLeavesNoFile() throws IOException {
        BackupFiles files = new BackupFiles(dataDir, KEY);
        assertThatThrownBy(() -> files.write("01700000000000-0000abcd", stream(ITEMS)))
                .isInstanceOf(IOException.class).hasMessageContaining("without its ItemCount line");
        assertThatThrownBy(() -> files.write("01700000000000-0000abcd", stream(ITEMS + "{\"ItemCount\":3}\n")))
                .isInstanceOf(IOException.class);
        assertThat(Files.list(dataDir.resolve("backups"))).isEmpty();
    }
}
