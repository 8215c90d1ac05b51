package dev.ddb.item.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import javax.crypto.AEADBadTagException;

import dev.ddb.common.encryption.KeyPurposes;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.encryption.RecordCipher;

/**
 * The log that makes a write set durable between two MVStore commits (checkpoints). A write set's
 * record is appended to a memory buffer while the write set is applied (so records are in
 * sequence order), and the group commit writes the buffer to a segment file and fdatasyncs it,
 * which costs far less than an MVStore commit and fsync. A checkpoint commits the store, which
 * then holds every logged change, and the log continues in the other of two preallocated segments
 * from its start: a segment is only reused after the checkpoint that covers it is on disk.
 *
 * <p>Recovery replays, after the last record the store holds, the valid records of both segments
 * whose numbers continue without a gap; stale records of an older round and a torn last record
 * (bad checksum) end the replay.
 *
 * <p>Each record's payload is encrypted on its own ({@link RecordCipher}: AES-GCM under a key derived
 * from the master key); the checksum covers the encrypted bytes, so a torn record is still told
 * apart from one that does not decrypt (changed bytes), which stops the start with an error.
 */
final class WriteAheadLog implements AutoCloseable {

    /** Preallocated, so that an fdatasync need not write file metadata. */
    static final int SEGMENT_BYTES = 32 * 1024 * 1024;
    private static final int HEADER_BYTES = 8; // payload length, CRC32C of the payload
    private static final int INITIAL_BUFFER_BYTES = 64 * 1024;
    /**
     * The largest buffer kept for reuse. In ASYNC mode a log write gathers 100 ms of writes, megabytes
     * under load: buffers made anew each time lived long enough to be promoted, and filled the old
     * generation for full collections every few seconds.
     */
    private static final int MAX_REUSED_BUFFER_BYTES = 4 * 1024 * 1024;

    private final FileChannel[] segments = new FileChannel[2];
    private final Path[] files = new Path[2];
    private final RecordCipher cipher;
    private int current;
    private long position;
    /** Records appended since the last write or checkpoint, in its first bufferedLength bytes; guarded by this. */
    private byte[] buffered = new byte[INITIAL_BUFFER_BYTES];
    private int bufferedLength;
    private long bufferedLastSequence;
    /** The buffer of the last log write, once written: the next take's buffer; guarded by this. */
    private byte[] spare;

    WriteAheadLog(Path dataDir, MasterKey key) {
        this.cipher = new RecordCipher(key, KeyPurposes.ITEM_WAL);
        for (int i = 0; i < segments.length; i++) {
            files[i] = dataDir.resolve("items.wal." + i);
            segments[i] = openPreallocated(files[i]);
        }
    }

    /** Appends a write set's record to the buffer (records come in number order). */
    synchronized void append(WalRecord record) {
        byte[] payload = cipher.seal(record.encode());
        CRC32C crc = new CRC32C();
        crc.update(payload);
        int end = bufferedLength + HEADER_BYTES + payload.length;
        if (end > buffered.length) {
            buffered = Arrays.copyOf(buffered, Math.max(end, 2 * buffered.length));
        }
        ByteBuffer.wrap(buffered, bufferedLength, HEADER_BYTES).putInt(payload.length).putInt((int) crc.getValue());
        System.arraycopy(payload, 0, buffered, bufferedLength + HEADER_BYTES, payload.length);
        bufferedLength = end;
        bufferedLastSequence = record.lastSequence();
    }

    /**
     * The records appended so far, taken out of the buffer; null when there are none. Appends go on
     * into another buffer meanwhile; this one is reused once {@link #writeAndSync} has written it.
     */
    synchronized Pending takeBuffered() {
        if (bufferedLength == 0) {
            return null;
        }
        Pending pending = new Pending(buffered, bufferedLength, bufferedLastSequence);
        buffered = spare != null ? spare : new byte[INITIAL_BUFFER_BYTES];
        spare = null;
        bufferedLength = 0;
        return pending;
    }

    /** Whether these bytes still fit into the current segment (else a checkpoint must cover them). */
    boolean fits(Pending pending) {
        return position + pending.length() <= SEGMENT_BYTES;
    }

    /** Bytes written to the current segment since the last checkpoint. */
    long position() {
        return position;
    }

    /**
     * Writes records taken from the buffer to the current segment and waits for the disk; their
     * buffer is then reused, so pending's bytes are not to be read afterwards. Committer thread only.
     */
    void writeAndSync(Pending pending) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(pending.bytes(), 0, pending.length());
            while (bytes.hasRemaining()) {
                position += segments[current].write(bytes, position);
            }
            segments[current].force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the item store's log", e);
        }
        reuse(pending.bytes());
    }

    private synchronized void reuse(byte[] written) {
        if (written.length <= MAX_REUSED_BUFFER_BYTES) {
            spare = written;
        }
    }

    /**
     * After a checkpoint that holds every record logged so far is on disk: the log goes on in the
     * other segment, whose records the previous checkpoint already covered. Committer thread only.
     */
    void checkpointed() {
        current = 1 - current;
        position = 0;
    }

    /** Drops the buffered records: the checkpoint being taken (under the commit lock) holds them. */
    synchronized void discardBuffered() {
        bufferedLength = 0;
    }

    /** Hands the records after record number lastApplied to apply, in order. */
    void replay(long lastApplied, Consumer<WalRecord> apply) {
        Map<Long, WalRecord> byNumber = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            readValid(segments[i], files[i], cipher, record -> {
                if (record.number() > lastApplied) {
                    byNumber.put(record.number(), record);
                }
            });
        }
        WalRecord next;
        for (long number = lastApplied + 1; (next = byNumber.get(number)) != null; number++) {
            apply.accept(next);
        }
    }

    private static void readValid(FileChannel segment, Path file, RecordCipher cipher, Consumer<WalRecord> records) {
        try {
            long size = segment.size();
            long at = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (at + HEADER_BYTES <= size) {
                header.clear();
                segment.read(header, at);
                int length = header.getInt(0);
                if (length <= 0 || at + HEADER_BYTES + length > size) {
                    return;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                while (payload.hasRemaining() && segment.read(payload, at + HEADER_BYTES + payload.position()) > 0) {
                    // read fully
                }
                CRC32C crc = new CRC32C();
                crc.update(payload.array());
                if ((int) crc.getValue() != header.getInt(4)) {
                    return; // torn or stale
                }
                byte[] plain;
                try {
                    plain = cipher.open(payload.array());
                } catch (AEADBadTagException e) {
                    throw new IllegalStateException("A record of the item store's log " + file + " at byte " + at
                            + " does not decrypt with the master key, though its checksum is right: it was changed");
                }
                records.accept(WalRecord.decode(plain));
                at += HEADER_BYTES + length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the item store's log", e);
        }
    }

    private static FileChannel openPreallocated(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (channel.size() < SEGMENT_BYTES) {
                ByteBuffer zeros = ByteBuffer.allocate(1024 * 1024);
                for (long at = channel.size(); at < SEGMENT_BYTES; at += zeros.capacity()) {
                    zeros.clear();
                    channel.write(zeros, at);
                }
                channel.force(true);
            }
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the item store's log " + file, e);
        }
    }

    @Override
    public void close() {
        for (FileChannel segment : segments) {
            try {
                segment.close();
            } catch (IOException e) {
                // closing: nothing left to do
            }
        }
    }

    /** Log bytes taken from the buffer (the first length bytes of bytes), and the last sequence they hold. */
    record Pending(byte[] bytes, int length, long lastSequence) {
    }
}
