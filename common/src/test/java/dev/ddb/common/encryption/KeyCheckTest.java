package dev.ddb.common.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyCheckTest {

    @TempDir
    Path dir;

    @Test
    void theRightKeyMatchesAndAnotherIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("items.mv.db");
        MasterKey key = MasterKey.generate();
        assertThat(KeyCheck.check(file, key, "p")).isEqualTo(KeyCheck.Result.CREATED);
        Files.writeString(file, "data");
        assertThat(KeyCheck.check(file, key, "p")).isEqualTo(KeyCheck.Result.MATCHES);
        assertThatThrownBy(() -> KeyCheck.check(file, MasterKey.generate(), "p")).isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith("The master key in the generated master key does not open " + file + ": ");
        assertThat(Files.readString(KeyCheck.checkFile(file))).startsWith("ddb-key-check v1 ");
    }

    @Test
    void aFileWithoutCheckFileIsMissing() throws Exception {
        Path file = dir.resolve("old.mv.db");
        Files.writeString(file, "data");
        assertThat(KeyCheck.check(file, MasterKey.generate(), "p")).isEqualTo(KeyCheck.Result.MISSING);
    }

    @Test
    void anEncryptedStoreReopensWithItsKeyHoldsNoPlaintextAndRefusesAnotherKey() throws Exception {
        Path file = dir.resolve("items.mv.db");
        Path keyFile = dir.resolve("master.key");
        MasterKey key = MasterKey.readOrCreate(keyFile).key();
        try (MVStore store = EncryptedMVStore.open(file, key, b -> b.autoCommitDisabled())) {
            MVMap<String, String> map = store.openMap("m");
            map.put("k", "MARKER-plaintext-value-1234");
            store.commit();
        }
        assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("MARKER-plaintext").doesNotContain("MARKER");
        try (MVStore store = EncryptedMVStore.open(file, MasterKey.read(keyFile), b -> b.autoCommitDisabled())) {
            assertThat(store.<String, String>openMap("m").get("k")).isEqualTo("MARKER-plaintext-value-1234");
        }
        assertThatThrownBy(() -> EncryptedMVStore.open(file, MasterKey.generate(), b -> b))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith("The master key in the generated master key does not open " + file);
    }

    @Test
    void anUnencryptedStoreOfAnOlderVersionIsRefusedWithHowToMigrate() {
        Path file = dir.resolve("items.mv.db");
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            store.<String, String>openMap("m").put("k", "v");
        }
        assertThatThrownBy(() -> EncryptedMVStore.open(file, MasterKey.generate(), b -> b))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith(file + " is not encrypted (it has no items.mv.db.keycheck): it was written by a version of ddb before encryption at rest");
    }
}
