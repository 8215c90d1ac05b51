package dev.ddb.common.encryption;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import org.h2.security.SHA256;
import org.h2.store.fs.FileBaseDefault;

/**
 * An MVStore file encrypted in H2's own format ({@code org.h2.store.fs.encrypt.FileEncrypt}: a
 * 4 KiB header "H2encrypt\n" with an 8-byte salt, the AES-128 key derived from the password and
 * salt by PBKDF2-SHA256 with 10 iterations, then every 4 KiB sector in XTS), so files written by
 * either open with the other, but encrypted with {@link AesXts} (the JDK's AES). Reads and
 * writes of whole sectors go straight through; others read and rewrite the sectors they touch,
 * and a size that is not a whole number of sectors is kept, as H2 keeps it, by the length of a
 * partial sector written after the last whole one.
 */
final class AesXtsFileChannel extends FileBaseDefault {

    static final int HEADER_BYTES = AesXts.SECTOR_BYTES;
    private static final int SECTOR = AesXts.SECTOR_BYTES;
    private static final int SECTOR_MASK = SECTOR - 1;
    private static final byte[] MAGIC = "H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int SALT_BYTES = 8;
    private static final int KEY_ITERATIONS = 10;
    private static final int KEY_BYTES = 16;

    private final String name;
    private final FileChannel base;
    /** Each thread encrypts with its own ciphers: MVStore reads pages from many threads at once. */
    private final ThreadLocal<AesXts> xts;
    /** The size the store sees (without the header); guarded by writes' exclusion in MVStore, read anywhere. */
    private volatile long size;

    /** Opens (or, when empty, initialises) {@code base}; {@code password} is H2's password bytes (UTF-16). */
    AesXtsFileChannel(String name, byte[] password, FileChannel base) throws IOException {
        this.name = name;
        this.base = base;
        long fileBytes = base.size();
        byte[] salt = new byte[SALT_BYTES];
        if (fileBytes >= HEADER_BYTES) {
            readFully(base, MAGIC.length, ByteBuffer.wrap(salt));
            this.size = sizeOf(fileBytes);
        } else {
            new SecureRandom().nextBytes(salt);
            byte[] header = Arrays.copyOf(MAGIC, HEADER_BYTES);
            System.arraycopy(salt, 0, header, MAGIC.length, SALT_BYTES);
            writeFully(base, 0, ByteBuffer.wrap(header));
            this.size = 0;
        }
        byte[] key = SHA256.getPBKDF2(password, salt, KEY_ITERATIONS, KEY_BYTES);
        this.xts = ThreadLocal.withInitial(() -> new AesXts(key));
    }

    /**
     * The size the store sees of a file of {@code fileBytes}: without the header, and for a last
     * partial sector (whole, plus a marker as long as its used part) without the marker's sector.
     */
    static long sizeOf(long fileBytes) {
        long stored = Math.max(0, fileBytes - HEADER_BYTES);
        return (stored & SECTOR_MASK) != 0 ? stored - SECTOR : stored;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        ensureOpen();
        boolean interrupted = Thread.interrupted();
        try {
            return readDecrypted(dst, position);
        } finally {
            keepInterrupt(interrupted);
        }
    }

    private int readDecrypted(ByteBuffer dst, long position) throws IOException {
        int length = dst.remaining();
        if (length == 0) {
            return 0;
        }
        if (position < 0) {
            throw new IllegalArgumentException("pos: " + position);
        }
        if (position >= size) {
            return -1;
        }
        length = (int) Math.min(length, size - position);
        long first = position & ~(long) SECTOR_MASK;
        int skip = (int) (position - first);
        int covering = (skip + length + SECTOR - 1) & ~SECTOR_MASK;
        if (skip == 0 && covering == length && dst.hasArray()) {
            readSectors(dst.array(), dst.arrayOffset() + dst.position(), first, covering);
            dst.position(dst.position() + length);
        } else {
            byte[] sectors = new byte[covering];
            readSectors(sectors, 0, first, covering);
            dst.put(sectors, skip, length);
        }
        return length;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        ensureOpen();
        boolean interrupted = Thread.interrupted();
        try {
            return writeEncrypted(src, position);
        } finally {
            keepInterrupt(interrupted);
        }
    }

    private int writeEncrypted(ByteBuffer src, long position) throws IOException {
        int length = src.remaining();
        long first = position & ~(long) SECTOR_MASK;
        int skip = (int) (position - first);
        int covering = (skip + length + SECTOR - 1) & ~SECTOR_MASK;
        byte[] sectors = new byte[covering];
        if (skip != 0 || covering != length) {
            // a partial sector: keep what the file holds around the written bytes
            long stored = (size - first + SECTOR - 1) & ~(long) SECTOR_MASK;
            int existing = (int) Math.max(0, Math.min(covering, stored));
            if (existing > 0) {
                readSectors(sectors, 0, first, existing);
            }
        }
        src.get(sectors, skip, length);
        xts.get().encrypt(first / SECTOR, sectors, 0, covering / SECTOR);
        writeFully(base, first + HEADER_BYTES, ByteBuffer.wrap(sectors));
        size = Math.max(size, position + length);
        int partial = (int) (size & SECTOR_MASK);
        if (partial > 0 && first + covering >= size) {
            // the length of the last, partial sector, as H2 records it
            writeFully(base, first + HEADER_BYTES + covering, ByteBuffer.allocate(partial));
        }
        return length;
    }

    private void readSectors(byte[] into, int offset, long position, int length) throws IOException {
        readFully(base, position + HEADER_BYTES, ByteBuffer.wrap(into, offset, length));
        xts.get().decrypt(position / SECTOR, into, offset, length / SECTOR);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    protected void implTruncate(long newSize) throws IOException {
        if (newSize > size) {
            return;
        }
        if (newSize < 0) {
            throw new IllegalArgumentException("newSize: " + newSize);
        }
        boolean interrupted = Thread.interrupted();
        try {
            base.truncate((newSize & SECTOR_MASK) > 0 ? newSize + HEADER_BYTES + SECTOR : newSize + HEADER_BYTES);
        } finally {
            keepInterrupt(interrupted);
        }
        size = newSize;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        ensureOpen();
        boolean interrupted = Thread.interrupted();
        try {
            base.force(metaData);
        } finally {
            keepInterrupt(interrupted);
        }
    }

    /** A closed file stays closed: the retry: file system below would reopen it on the next call. */
    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    /**
     * Gives the thread back the interrupt that was put aside for an I/O call. The JDK closes a file
     * channel an interrupted thread uses (for every thread), and MVStore then refuses all later
     * writes and its own close; so the flag is cleared around each call, and an interrupt landing
     * during one is met by the base file reopening ({@link AesXtsFilePath}), which clears that
     * interrupt (the thread then goes on as if it had come a moment later and been missed).
     */
    private static void keepInterrupt(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return base.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        base.close();
    }

    @Override
    public String toString() {
        return name;
    }

    private static void readFully(FileChannel file, long position, ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            int read = file.read(into, position);
            if (read < 0) {
                throw new EOFException();
            }
            position += read;
        }
    }

    private static void writeFully(FileChannel file, long position, ByteBuffer from) throws IOException {
        while (from.hasRemaining()) {
            position += file.write(from, position);
        }
    }
}
