package dev.ddb.common.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key rotation's pieces: each kind of file is readable under the new key only, with its content unchanged. */
class ReencryptionTest {

    @TempDir
    Path dir;

    private final MasterKey oldKey = MasterKey.generate();
    private final MasterKey newKey = MasterKey.generate();

    @Test
    void aStoreIsReencryptedWithItsContentAndANewCheckFile() {
        Path file = dir.resolve("items.mv.db");
        try (MVStore store = EncryptedMVStore.open(file, oldKey, b -> b.autoCommitDisabled())) {
            MVMap<Integer, String> map = store.openMap("m");
            for (int i = 0; i < 5000; i++) {
                map.put(i, "value-" + i);
            }
            store.commit();
        }
        EncryptedMVStore.reencrypt(file, oldKey, newKey);
        assertThat(Files.exists(file.resolveSibling("items.mv.db.rotating"))).isFalse();
        try (MVStore store = EncryptedMVStore.open(file, newKey, b -> b)) {
            MVMap<Integer, String> map = store.openMap("m");
            assertThat(map.size()).isEqualTo(5000);
            assertThat(map.get(4321)).isEqualTo("value-4321");
        }
        assertThatThrownBy(() -> EncryptedMVStore.open(file, oldKey, b -> b)).isInstanceOf(MasterKeyException.class);
        assertThatThrownBy(() -> EncryptedMVStore.reencrypt(file, oldKey, newKey)).isInstanceOf(MasterKeyException.class);
    }

    @Test
    void recordsAreResealedInPlaceUpToTheFirstBadOne() throws Exception {
        RecordCipher from = new RecordCipher(oldKey, KeyPurposes.ITEM_WAL);
        RecordCipher to = new RecordCipher(newKey, KeyPurposes.ITEM_WAL);
        Path file = dir.resolve("items.wal.0");
        ByteBuffer log = ByteBuffer.allocate(4096);
        for (String text : List.of("one", "two", "three")) {
            byte[] sealed = from.seal(text.getBytes(StandardCharsets.UTF_8));
            CRC32C crc = new CRC32C();
            crc.update(sealed);
            log.putInt(sealed.length).putInt((int) crc.getValue()).put(sealed);
        }
        log.putInt(99).putInt(0); // a torn record, then zeros, as a preallocated segment has
        Files.write(file, log.array());

        assertThat(RecordFiles.reseal(file, from, to)).isEqualTo(3);
        assertThat(Files.size(file)).isEqualTo(4096);
        List<String> read = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer all = ByteBuffer.allocate(4096);
            channel.read(all, 0);
            all.flip();
            for (int i = 0; i < 3; i++) {
                byte[] sealed = new byte[all.getInt()];
                all.getInt();
                all.get(sealed);
                read.add(new String(to.open(sealed), StandardCharsets.UTF_8));
            }
        }
        assertThat(read).containsExactly("one", "two", "three");
        assertThat(RecordFiles.reseal(file, from, to)).isZero(); // the old key opens none of them any more
    }

    @Test
    void aFileIsReencryptedAsAStream() throws Exception {
        FileCipher from = new FileCipher(oldKey, KeyPurposes.BACKUP_FILES);
        FileCipher to = new FileCipher(newKey, KeyPurposes.BACKUP_FILES);
        Path file = dir.resolve("b.ndjson.gz");
        byte[] plain = "line\n".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = from.encrypt(Files.newOutputStream(file))) {
            out.write(plain);
        }
        FileCipher.reencrypt(file, from, to);
        try (InputStream in = to.decrypt(Files.newInputStream(file), "b")) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        assertThatThrownBy(() -> {
            try (InputStream in = from.decrypt(Files.newInputStream(file), "b")) {
                in.readAllBytes();
            }
        }).isInstanceOf(FileDecryptionException.class);
    }
}
