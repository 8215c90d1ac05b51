package dev.ddb.common.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.store.fs.encrypt.FileEncrypt;
import org.h2.store.fs.encrypt.FilePathEncrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our AES-XTS channel keeps H2's encrypted file format: the same bytes on disk, files readable both ways. */
class AesXtsFileChannelTest {

    private static final char[] PASSWORD = "0123456789ABCDEF0123456789ABCDEF".toCharArray();

    @TempDir
    Path dir;

    @Test
    void writesTheSameBytesAsH2sOwnEncryption() throws IOException {
        Path h2 = dir.resolve("h2.bin");
        try (FileChannel file = new FileEncrypt(h2.toString(), password(), open(h2))) {
            writeSample(file);
        }
        // the same header (and so salt and key), then the same writes through ours
        Path ours = dir.resolve("ours.bin");
        Files.write(ours, Arrays.copyOf(Files.readAllBytes(h2), AesXtsFileChannel.HEADER_BYTES));
        try (FileChannel file = new AesXtsFileChannel(ours.toString(), password(), open(ours))) {
            writeSample(file);
        }
        byte[] expected = Files.readAllBytes(h2);
        byte[] actual = Files.readAllBytes(ours);
        assertThat(actual.length).isEqualTo(expected.length);
        assertThat(Arrays.mismatch(actual, expected)).as("first differing byte").isEqualTo(-1);
    }

    @Test
    void eachReadsWhatTheOtherWrote() throws IOException {
        Path h2 = dir.resolve("h2.bin");
        byte[] written;
        try (FileChannel file = new FileEncrypt(h2.toString(), password(), open(h2))) {
            written = writeSample(file);
        }
        try (FileChannel file = new AesXtsFileChannel(h2.toString(), password(), open(h2))) {
            assertThat(file.size()).isEqualTo(written.length);
            assertThat(Arrays.mismatch(readAll(file), written)).as("first differing byte").isEqualTo(-1);
            assertThat(read(file, 5000, 300)).isEqualTo(Arrays.copyOfRange(written, 5000, 5300));
        }
        Path ours = dir.resolve("ours.bin");
        try (FileChannel file = new AesXtsFileChannel(ours.toString(), password(), open(ours))) {
            written = writeSample(file);
        }
        try (FileChannel file = new FileEncrypt(ours.toString(), password(), open(ours))) {
            assertThat(file.size()).isEqualTo(written.length);
            assertThat(Arrays.mismatch(readAll(file), written)).as("first differing byte").isEqualTo(-1);
        }
    }

    @Test
    void aStoreWrittenWithH2sEncryptionOpensAndGoesOn() {
        MasterKey key = MasterKey.generate();
        Path file = dir.resolve("items.mv.db");
        String purpose = KeyPurposes.mvStore(file);
        // as versions before this one wrote it: MVStore's own encryption
        try (MVStore store = new MVStore.Builder().fileName(file.toString())
                .encryptionKey(EncryptedMVStore.password(key, purpose)).autoCommitDisabled().open()) {
            MVMap<Integer, String> map = store.openMap("m");
            for (int i = 0; i < 20_000; i++) {
                map.put(i, "value-" + i);
            }
            store.commit();
        }
        KeyCheck.write(file, key, purpose);
        try (MVStore store = EncryptedMVStore.open(file, key, MVStore.Builder::autoCommitDisabled)) {
            MVMap<Integer, String> map = store.openMap("m");
            assertThat(map.size()).isEqualTo(20_000);
            assertThat(map.get(12_345)).isEqualTo("value-12345");
            map.put(20_000, "more");
            store.commit();
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString())
                .encryptionKey(EncryptedMVStore.password(key, purpose)).readOnly().open()) {
            MVMap<Integer, String> map = store.openMap("m");
            assertThat(map.get(20_000)).isEqualTo("more");
            assertThat(map.get(7)).isEqualTo("value-7");
        }
    }

    /** Whole sectors, a gap, a rewrite in place, and an unaligned tail: what a store and its header do. */
    private static byte[] writeSample(FileChannel file) throws IOException {
        Random random = new Random(42); // the same bytes every time
        byte[] expected = new byte[3 * 4096 + 1000];
        byte[] sectors = bytes(random, 2 * 4096);
        write(file, sectors, 0, expected);
        byte[] third = bytes(random, 4096);
        write(file, third, 2 * 4096, expected);
        byte[] inPlace = bytes(random, 4096);
        write(file, inPlace, 4096, expected);
        byte[] tail = bytes(random, 1000);
        write(file, tail, 3 * 4096, expected);
        return expected;
    }

    private static void write(FileChannel file, byte[] data, long position, byte[] expected) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data.clone());
        while (buffer.hasRemaining()) {
            position += file.write(buffer, position);
        }
        System.arraycopy(data, 0, expected, (int) (position - data.length), data.length);
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] readAll(FileChannel file) throws IOException {
        return read(file, 0, (int) file.size());
    }

    private static byte[] read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int read = file.read(buffer, position + buffer.position());
            if (read < 0) {
                break;
            }
        }
        return buffer.array();
    }

    /** Fresh each time: H2's FileEncrypt zeroes the password it was given once it derived the key. */
    private static byte[] password() {
        return FilePathEncrypt.getPasswordBytes(PASSWORD);
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
}
