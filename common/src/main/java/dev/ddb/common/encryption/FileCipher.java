package dev.ddb.common.encryption;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts whole files as a stream, in chunks, so that a file of any size passes through a small
 * buffer: the "STREAM" construction of online authenticated encryption (as in Tink's
 * AES-GCM-HKDF streaming). A file is a header, {@code "DDBE" 1 salt(16) noncePrefix(7)}, then
 * chunks of {@value #CHUNK_BYTES} plaintext bytes (the last one shorter, possibly empty), each
 * AES-GCM-encrypted with its tag under a key derived for the file from the purpose's key and the
 * salt, with nonce {@code noncePrefix || chunk number || last-chunk flag} and the header as
 * associated data. So a changed, moved, dropped or appended chunk, a cut-off end, or another key
 * all fail the reading ({@link FileDecryptionException}).
 */
public final class FileCipher {

    static final int CHUNK_BYTES = 64 * 1024;
    private static final byte[] MAGIC = "DDBE".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final int SALT_BYTES = 16;
    private static final int PREFIX_BYTES = 7;
    static final int HEADER_BYTES = MAGIC.length + 1 + SALT_BYTES + PREFIX_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] purposeKey;
    private final MasterKey masterKey;

    public FileCipher(MasterKey masterKey, String purpose) {
        this.masterKey = masterKey;
        this.purposeKey = masterKey.derive(purpose).getEncoded();
    }

    /** An output stream that encrypts what is written to it into {@code out}; closing it writes the last chunk and closes {@code out}. */
    public OutputStream encrypt(OutputStream out) throws IOException {
        byte[] header = new byte[HEADER_BYTES];
        ByteBuffer.wrap(header).put(MAGIC).put(VERSION);
        byte[] random = new byte[SALT_BYTES + PREFIX_BYTES];
        RANDOM.nextBytes(random);
        System.arraycopy(random, 0, header, MAGIC.length + 1, random.length);
        out.write(header);
        return new Encrypting(out, header, fileKey(header));
    }

    /**
     * An input stream of the plaintext of the encrypted {@code in}; reading fails with
     * {@link FileDecryptionException} (naming {@code what}) on a wrong key or changed bytes.
     */
    public InputStream decrypt(InputStream in, String what) throws IOException {
        byte[] header = in.readNBytes(HEADER_BYTES);
        if (header.length < HEADER_BYTES || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new FileDecryptionException(what + " is not an encrypted file of ddb (it does not start with its header)");
        }
        if (header[MAGIC.length] != VERSION) {
            throw new FileDecryptionException(what + " is encrypted in an unknown format version " + header[MAGIC.length]);
        }
        return new Decrypting(in, header, fileKey(header), what);
    }

    /**
     * Re-encrypts a whole file under another cipher (key rotation): decrypted and encrypted as a
     * stream into a temporary file, synced, then renamed over it.
     */
    public static void reencrypt(Path file, FileCipher from, FileCipher to) throws IOException {
        Path rotating = file.resolveSibling(file.getFileName() + ".rotating");
        try (InputStream in = from.decrypt(Files.newInputStream(file), file.toString());
             OutputStream out = to.encrypt(Files.newOutputStream(rotating))) {
            in.transferTo(out);
        }
        try (FileChannel channel = FileChannel.open(rotating, StandardOpenOption.READ)) {
            channel.force(true);
        }
        Files.move(rotating, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private SecretKey fileKey(byte[] header) {
        byte[] salt = Arrays.copyOfRange(header, MAGIC.length + 1, MAGIC.length + 1 + SALT_BYTES);
        return new SecretKeySpec(Hkdf.derive(purposeKey, salt, "ddb/file".getBytes(StandardCharsets.US_ASCII), 32), "AES");
    }

    private static byte[] nonce(byte[] header, int chunk, boolean last) {
        byte[] nonce = new byte[AesGcm.NONCE_BYTES];
        System.arraycopy(header, HEADER_BYTES - PREFIX_BYTES, nonce, 0, PREFIX_BYTES);
        ByteBuffer.wrap(nonce, PREFIX_BYTES, 5).putInt(chunk).put((byte) (last ? 1 : 0));
        return nonce;
    }

    private static final class Encrypting extends FilterOutputStream {

        private final byte[] header;
        private final SecretKey key;
        private final byte[] chunk = new byte[CHUNK_BYTES];
        private int filled;
        private int number;
        private boolean closed;

        Encrypting(OutputStream out, byte[] header, SecretKey key) {
            super(out);
            this.header = header;
            this.key = key;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int at = offset;
            int end = offset + length;
            while (at < end) {
                if (filled == CHUNK_BYTES) {
                    // more follows, so the full chunk is not the last
                    writeChunk(false);
                }
                int take = Math.min(CHUNK_BYTES - filled, end - at);
                System.arraycopy(bytes, at, chunk, filled, take);
                filled += take;
                at += take;
            }
        }

        private void writeChunk(boolean last) throws IOException {
            if (number == Integer.MAX_VALUE) {
                throw new IOException("file too large to encrypt");
            }
            out.write(AesGcm.encrypt(key, nonce(header, number, last), header, chunk, 0, filled));
            number++;
            filled = 0;
        }

        @Override
        public void flush() throws IOException {
            out.flush(); // a partial chunk waits: chunks have a fixed size
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                writeChunk(true);
            } finally {
                out.close();
            }
        }
    }

    private final class Decrypting extends InputStream {

        private final InputStream in;
        private final byte[] header;
        private final SecretKey key;
        private final String what;
        /** A sealed chunk plus one byte read ahead: whether anything follows tells whether it is the last. */
        private final byte[] sealed = new byte[CHUNK_BYTES + AesGcm.TAG_BYTES + 1];
        private int carried;
        private byte[] plain = new byte[0];
        private int position;
        private int number;
        private boolean ended;

        Decrypting(InputStream in, byte[] header, SecretKey key, String what) {
            this.in = in;
            this.header = header;
            this.key = key;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == plain.length) {
                if (ended) {
                    return -1;
                }
                nextChunk();
            }
            int take = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, bytes, offset, take);
            position += take;
            return take;
        }

        private void nextChunk() throws IOException {
            int filled = carried + in.readNBytes(sealed, carried, sealed.length - carried);
            boolean last = filled < sealed.length;
            int length = last ? filled : filled - 1;
            if (length < AesGcm.TAG_BYTES) {
                throw new FileDecryptionException(what + " is cut short: its last chunk is missing");
            }
            try {
                plain = AesGcm.decrypt(key, nonce(header, number, last), header, sealed, 0, length);
            } catch (AEADBadTagException e) {
                throw new FileDecryptionException(what + " cannot be decrypted with the master key in " + masterKey.source()
                        + ": it was encrypted with another key, or its bytes were changed or cut short (chunk " + number + ")");
            }
            position = 0;
            number++;
            if (last) {
                ended = true;
                carried = 0;
            } else {
                sealed[0] = sealed[filled - 1];
                carried = 1;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
