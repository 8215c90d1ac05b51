package dev.ddb.common.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;

class FileCipherTest {

    private final MasterKey key = MasterKey.generate();
    private final FileCipher cipher = new FileCipher(key, "backup-files");

    private byte[] encrypt(byte[] plain, int writeSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = cipher.encrypt(out)) {
            for (int at = 0; at < plain.length; at += writeSize) {
                encrypting.write(plain, at, Math.min(writeSize, plain.length - at));
            }
        }
        return out.toByteArray();
    }

    private byte[] decrypt(FileCipher with, byte[] encrypted) throws IOException {
        try (InputStream in = with.decrypt(new ByteArrayInputStream(encrypted), "backup file x")) {
            return in.readAllBytes();
        }
    }

    @Test
    void roundTripsEveryLengthAroundChunkBoundaries() throws Exception {
        Random random = new Random(7);
        for (int length : new int[] {0, 1, 100, FileCipher.CHUNK_BYTES - 1, FileCipher.CHUNK_BYTES, FileCipher.CHUNK_BYTES + 1,
                3 * FileCipher.CHUNK_BYTES, 3 * FileCipher.CHUNK_BYTES + 17}) {
            byte[] plain = new byte[length];
            random.nextBytes(plain);
            for (int writeSize : new int[] {1000, 65536, 100_000}) {
                byte[] encrypted = encrypt(plain, writeSize);
                assertThat(decrypt(cipher, encrypted)).as("length %d", length).isEqualTo(plain);
            }
        }
    }

    @Test
    void holdsNoPlaintext() throws Exception {
        byte[] plain = "{\"Item\":{\"name\":{\"S\":\"MARKER-secret-value\"}}}\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
        byte[] encrypted = encrypt(plain, 4096);
        assertThat(new String(encrypted, StandardCharsets.ISO_8859_1)).doesNotContain("MARKER").doesNotContain("Item");
        assertThat(encrypt(plain, 4096)).isNotEqualTo(encrypted); // a fresh salt and nonce prefix per file
    }

    @Test
    void anotherKeyAChangedByteACutEndOrADroppedChunkFail() throws Exception {
        byte[] plain = new byte[3 * FileCipher.CHUNK_BYTES + 5];
        new Random(1).nextBytes(plain);
        byte[] encrypted = encrypt(plain, 8192);
        assertThatThrownBy(() -> decrypt(new FileCipher(MasterKey.generate(), "backup-files"), encrypted))
                .isInstanceOf(FileDecryptionException.class)
                .hasMessageStartingWith("backup file x cannot be decrypted with the master key in the generated master key");
        assertThatThrownBy(() -> decrypt(new FileCipher(key, "pitr-segments"), encrypted)).isInstanceOf(FileDecryptionException.class);
        byte[] changed = encrypted.clone();
        changed[FileCipher.HEADER_BYTES + FileCipher.CHUNK_BYTES + 40] ^= 1;
        assertThatThrownBy(() -> decrypt(cipher, changed)).isInstanceOf(FileDecryptionException.class);
        int chunk = FileCipher.CHUNK_BYTES + 16;
        byte[] cut = Arrays.copyOf(encrypted, FileCipher.HEADER_BYTES + 3 * chunk); // the last chunk dropped
        assertThatThrownBy(() -> decrypt(cipher, cut)).isInstanceOf(FileDecryptionException.class);
        byte[] headerOnly = Arrays.copyOf(encrypted, FileCipher.HEADER_BYTES);
        assertThatThrownBy(() -> decrypt(cipher, headerOnly)).isInstanceOf(FileDecryptionException.class);
        assertThatThrownBy(() -> decrypt(cipher, "plain gzip".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(FileDecryptionException.class)
                .hasMessage("backup file x is not an encrypted file of ddb (it does not start with its header)");
    }

    @Test
    void recordsRoundTripAndAChangedRecordOrAnotherKeyFails() throws Exception {
        RecordCipher records = new RecordCipher(key, "item-wal");
        byte[] sealed = records.seal("MARKER record".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("MARKER");
        assertThat(sealed).hasSize("MARKER record".length() + RecordCipher.OVERHEAD);
        assertThat(new String(records.open(sealed), StandardCharsets.UTF_8)).isEqualTo("MARKER record");
        sealed[20] ^= 1;
        assertThatThrownBy(() -> records.open(sealed)).isInstanceOf(AEADBadTagException.class);
        byte[] other = records.seal(new byte[3]);
        assertThatThrownBy(() -> new RecordCipher(MasterKey.generate(), "item-wal").open(other)).isInstanceOf(AEADBadTagException.class);
    }
}
