package dev.ddb.backup.pitr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.encryption.RecordCipher;

class SegmentFileTest {

    private static final RecordCipher CIPHER = new RecordCipher(MasterKey.generate(), "pitr-segments");
    /** What a record takes on disk besides its plaintext: header, nonce and tag. */
    private static final int FRAME = SegmentFile.HEADER_BYTES + RecordCipher.OVERHEAD;

    @TempDir
    Path dir;

    private List<String> readAll(Path path, long limit, long[] valid) {
        List<String> records = new ArrayList<>();
        valid[0] = SegmentFile.read(path, limit, CIPHER, bytes -> records.add(new String(bytes, StandardCharsets.UTF_8)));
        return records;
    }

    private Path written(String... records) {
        Path path = dir.resolve("00000001.seg");
        try (SegmentFile segment = SegmentFile.openForAppend(path, 0, CIPHER)) {
            for (String record : records) {
                segment.append(record.getBytes(StandardCharsets.UTF_8));
            }
            segment.force();
        }
        return path;
    }

    @Test
    void recordsComeBackInOrder() throws Exception {
        Path path = written("one", "two", "three");
        long[] valid = new long[1];
        assertThat(readAll(path, Long.MAX_VALUE, valid)).containsExactly("one", "two", "three");
        assertThat(valid[0]).isEqualTo(Files.size(path));
    }

    @Test
    void aTornLastRecordIsLeftOut() throws Exception {
        Path path = written("one", "two", "three");
        long whole = Files.size(path);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(whole - 2);
        }
        long[] valid = new long[1];
        assertThat(readAll(path, Long.MAX_VALUE, valid)).containsExactly("one", "two");
        assertThat(valid[0]).isEqualTo(whole - 2 - (FRAME + "three".length() - 2));
    }

    @Test
    void aChangedByteStopsTheReadingAtItsRecord() throws Exception {
        Path path = written("one", "two", "three");
        long secondPayload = FRAME + 3 + SegmentFile.HEADER_BYTES;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {'X'}), secondPayload);
        }
        long[] valid = new long[1];
        assertThat(readAll(path, Long.MAX_VALUE, valid)).containsExactly("one");
        assertThat(valid[0]).isEqualTo(FRAME + 3);
    }

    @Test
    void openingCutsBackToTheCommittedLengthAndAppendsAfterIt() throws Exception {
        Path path = written("one", "two");
        long committed = FRAME + 3;
        try (SegmentFile segment = SegmentFile.openForAppend(path, committed, CIPHER)) {
            assertThat(segment.length()).isEqualTo(committed);
            segment.append("four".getBytes(StandardCharsets.UTF_8));
            segment.force();
        }
        long[] valid = new long[1];
        assertThat(readAll(path, Long.MAX_VALUE, valid)).containsExactly("one", "four");
        assertThat(readAll(path, committed, valid)).containsExactly("one");
    }

    @Test
    void recordsAreEncryptedAndAChangeBehindARightChecksumStopsTheReading() throws Exception {
        Path path = written("one", "MARKER-secret-two", "three");
        byte[] bytes = Files.readAllBytes(path);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("MARKER").doesNotContain("three");
        // change a ciphertext byte of the second record and give it a matching CRC32C: only AES-GCM notices
        int second = FRAME + 3;
        int length = FRAME - SegmentFile.HEADER_BYTES + "MARKER-secret-two".length();
        bytes[second + SegmentFile.HEADER_BYTES + 20] ^= 1;
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, second + SegmentFile.HEADER_BYTES, length);
        ByteBuffer.wrap(bytes).putInt(second + 4, (int) crc.getValue());
        Files.write(path, bytes);
        long[] valid = new long[1];
        assertThat(readAll(path, Long.MAX_VALUE, valid)).containsExactly("one");
        assertThat(valid[0]).isEqualTo(FRAME + 3);
        RecordCipher otherKey = new RecordCipher(MasterKey.generate(), "pitr-segments");
        assertThat(SegmentFile.read(path, Long.MAX_VALUE, otherKey, record -> { })).isZero();
    }
}
