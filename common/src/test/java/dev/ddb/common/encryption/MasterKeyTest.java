package dev.ddb.common.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    @TempDir
    Path dir;

    @Test
    void hkdfGivesRfc5869TestCase1() {
        // RFC 5869, A.1
        byte[] ikm = HexFormat.of().parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c");
        byte[] info = HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9");
        assertThat(HexFormat.of().formatHex(Hkdf.derive(ikm, salt, info, 42))).isEqualTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void eachPurposeGetsItsOwnStableKey() throws Exception {
        Path file = dir.resolve("master.key");
        MasterKey created = MasterKey.readOrCreate(file).key();
        MasterKey again = MasterKey.read(file);
        assertThat(again.derive("mvstore/items.mv.db").getEncoded()).isEqualTo(created.derive("mvstore/items.mv.db").getEncoded());
        assertThat(again.derive("mvstore/items.mv.db").getEncoded()).isNotEqualTo(again.derive("backup-files").getEncoded());
        assertThat(MasterKey.generate().derive("backup-files").getEncoded()).isNotEqualTo(again.derive("backup-files").getEncoded());
        assertThat(again.derive("x").getEncoded()).hasSize(32);
    }

    @Test
    void aCreatedKeyFileIsTheOwnersOnlyAndReadBackAsIs() throws Exception {
        Path file = dir.resolve("keys/master.key");
        MasterKey.Loaded loaded = MasterKey.readOrCreate(file);
        assertThat(loaded.created()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).strip()).hasSize(44);
        MasterKey.Loaded second = MasterKey.readOrCreate(file);
        assertThat(second.created()).isFalse();
        assertThat(second.key().derive("a").getEncoded()).isEqualTo(loaded.key().derive("a").getEncoded());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left
        }
    }

    @Test
    void toStringNamesTheFileNotTheKey() throws Exception {
        Path file = dir.resolve("master.key");
        MasterKey key = MasterKey.readOrCreate(file).key();
        String encoded = Files.readString(file).strip();
        assertThat(key.toString()).contains(file.toString()).doesNotContain(encoded);
    }

    @Test
    void aFileThatIsNot32Base64BytesIsRefused() throws Exception {
        Path file = dir.resolve("master.key");
        Files.writeString(file, "not a key");
        assertThatThrownBy(() -> MasterKey.read(file)).isInstanceOf(MasterKeyException.class)
                .hasMessage("The master key file " + file + " must hold 32 random bytes in base64 (e.g. the output of `openssl rand -base64 32`)");
        assertThatThrownBy(() -> MasterKey.read(dir.resolve("missing.key"))).isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith("Cannot read the master key file " + dir.resolve("missing.key"));
    }

    @Test
    void theKeyFileDefaultsToTheDataDirectory() {
        assertThat(MasterKey.file("", dir)).isEqualTo(dir.resolve("master.key"));
        assertThat(MasterKey.file(" /keys/m.key ", dir)).isEqualTo(Path.of("/keys/m.key"));
    }
}
