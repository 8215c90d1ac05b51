package dev.ddb.backup.pitr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import javax.crypto.AEADBadTagException;

import dev.ddb.common.encryption.RecordCipher;

/**
 * One segment of a table's change archive: records appended one after another, each
 * {@code [int length][int CRC32C of the payload][payload]} (the payload an {@code ItemChange} in
 * JSON, encrypted on its own by a {@link RecordCipher}: AES-GCM under a key derived from the master key). Appends are fsynced by {@link #force()} before the catalog records the segment's new
 * length (and the consumer's offsets) in one commit; at startup a segment is cut back to that
 * length, which drops a torn record and records of a batch the catalog never committed. A record
 * whose checksum is right but which does not decrypt (changed bytes) ends the reading like a torn one,
 * so its reader reports the segment damaged at that byte.
 */
public final class SegmentFile implements AutoCloseable {

    static final int HEADER_BYTES = 8;
    /** Larger than any change record (two images of up to 400 KB, in JSON). */
    static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final RecordCipher cipher;
    private long length;

    private SegmentFile(Path path, FileChannel channel, RecordCipher cipher, long length) {
        this.path = path;
        this.channel = channel;
        this.cipher = cipher;
        this.length = length;
    }

    /** Opens a segment for appending, cut back to {@code committedLength} (created when missing). */
    public static SegmentFile openForAppend(Path path, long committedLength, RecordCipher cipher) {
        try {
            Files.createDirectories(path.getParent());
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (channel.size() > committedLength) {
                channel.truncate(committedLength);
                channel.force(true);
            }
            long length = Math.min(channel.size(), committedLength);
            channel.position(length);
            return new SegmentFile(path, channel, cipher, length);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open archive segment " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    public long length() {
        return length;
    }

    public void append(byte[] plaintext) {
        byte[] payload = cipher.seal(plaintext);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        buffer.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to archive segment " + path, e);
        }
        length += HEADER_BYTES + payload.length;
    }

    /** Everything appended is on disk. */
    public void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sync archive segment " + path, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /**
     * Hands the payload of each whole, intact record among the first {@code limit} bytes to
     * {@code record}, in order, and answers how many bytes they take: it stops at a torn record
     * (cut short, or its checksum wrong) at the end.
     */
    public static long read(Path path, long limit, RecordCipher cipher, Consumer<byte[]> record) {
        long valid = 0;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long end = Math.min(limit, channel.size());
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (valid + HEADER_BYTES <= end) {
                header.clear();
                readFully(channel, header, valid);
                header.flip();
                int size = header.getInt();
                int checksum = header.getInt();
                if (size < 0 || size > MAX_RECORD_BYTES || valid + HEADER_BYTES + size > end) {
                    break;
                }
                ByteBuffer payload = ByteBuffer.allocate(size);
                readFully(channel, payload, valid + HEADER_BYTES);
                CRC32C crc = new CRC32C();
                crc.update(payload.array());
                if ((int) crc.getValue() != checksum) {
                    break;
                }
                byte[] plaintext;
                try {
                    plaintext = cipher.open(payload.array());
                } catch (AEADBadTagException e) {
                    break; // changed bytes with a matching checksum
                }
                record.accept(plaintext);
                valid += HEADER_BYTES + size;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read archive segment " + path, e);
        }
        return valid;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("unexpected end of " + channel);
            }
            at += read;
        }
    }
}
