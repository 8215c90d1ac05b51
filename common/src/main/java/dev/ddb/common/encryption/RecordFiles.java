package dev.ddb.common.encryption;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import javax.crypto.AEADBadTagException;

/**
 * Re-encryption of a file of {@link RecordCipher} records framed {@code [int length][int CRC32C][sealed record]}
 * (item-service's write-ahead log, PITR segments) under another key, in place: a sealed record
 * keeps its length, so every record stays where it is.
 */
public final class RecordFiles {

    private static final int HEADER_BYTES = 8;

    private RecordFiles() {
    }

    /**
     * Re-seals the records from the start of the file up to the first that is torn, fails its
     * checksum or does not decrypt under {@code from} (what follows it is never read).
     *
     * @return how many records were re-sealed
     */
    public static int reseal(Path file, RecordCipher from, RecordCipher to) {
        int count = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long at = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (at + HEADER_BYTES <= size) {
                header.clear();
                readFully(channel, header, at);
                int length = header.getInt(0);
                if (length < RecordCipher.OVERHEAD || at + HEADER_BYTES + length > size) {
                    break;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(channel, payload, at + HEADER_BYTES);
                CRC32C crc = new CRC32C();
                crc.update(payload.array());
                if ((int) crc.getValue() != header.getInt(4)) {
                    break;
                }
                byte[] sealed;
                try {
                    sealed = to.seal(from.open(payload.array()));
                } catch (AEADBadTagException e) {
                    break;
                }
                CRC32C newCrc = new CRC32C();
                newCrc.update(sealed);
                ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + sealed.length).putInt(sealed.length)
                        .putInt((int) newCrc.getValue()).put(sealed).flip();
                long writeAt = at;
                while (record.hasRemaining()) {
                    writeAt += channel.write(record, writeAt);
                }
                at += HEADER_BYTES + length;
                count++;
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot re-encrypt " + file, e);
        }
        return count;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("unexpected end of file");
            }
            at += read;
        }
    }
}
