package dev.ddb.item.storage;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One write set as the log keeps it: the map changes it made (items and index entries by map
 * name, its outbox entries, a transaction's ClientRequestToken), which replaying onto the last
 * checkpoint repeats exactly.
 *
 * @param number the record's place in the log: 1, 2, 3, ... without gaps, across checkpoints
 * @param lastSequence the newest change sequence once the record is applied
 */
record WalRecord(long number, long lastSequence, List<Change> changes) {

    private static final byte PUT = 1;
    private static final byte REMOVE = 2;
    private static final byte OUTBOX = 3;
    private static final byte CLIENT_REQUEST_TOKEN = 4;

    /**
     * A change of one map entry: put (value not null) or remove; the outbox's keys are sequences,
     * a ClientRequestToken's key (in map) is the token.
     */
    record Change(byte kind, String map, byte[] key, long sequence, byte[] value) {

        static Change put(String map, byte[] key, byte[] value) {
            return new Change(PUT, map, key, 0, value);
        }

        static Change remove(String map, byte[] key) {
            return new Change(REMOVE, map, key, 0, null);
        }

        static Change outbox(long sequence, byte[] value) {
            return new Change(OUTBOX, null, null, sequence, value);
        }

        static Change clientRequestToken(String token, byte[] value) {
            return new Change(CLIENT_REQUEST_TOKEN, token, new byte[0], 0, value);
        }

        boolean isClientRequestToken() {
            return kind == CLIENT_REQUEST_TOKEN;
        }

        boolean isOutbox() {
            return kind == OUTBOX;
        }

        boolean isRemove() {
            return kind == REMOVE;
        }
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encodedSizeAtMost());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(number);
            out.writeLong(lastSequence);
            out.writeInt(changes.size());
            for (Change change : changes) {
                out.writeByte(change.kind());
                if (change.isOutbox()) {
                    out.writeLong(change.sequence());
                } else {
                    out.writeUTF(change.map());
                    writeBytes(out, change.key());
                }
                if (!change.isRemove()) {
                    writeBytes(out, change.value());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Room for the encoding, so that the buffer never grows (a map name's chars take at most 3 bytes in writeUTF). */
    private int encodedSizeAtMost() {
        int size = 20;
        for (Change change : changes) {
            size += 1 + (change.isOutbox() ? 8 : 2 + 3 * change.map().length() + 4 + change.key().length);
            if (!change.isRemove()) {
                size += 4 + change.value().length;
            }
        }
        return size;
    }

    static WalRecord decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            long number = in.readLong();
            long last = in.readLong();
            int count = in.readInt();
            List<Change> changes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte kind = in.readByte();
                if (kind == OUTBOX) {
                    changes.add(Change.outbox(in.readLong(), readBytes(in)));
                } else {
                    String map = in.readUTF();
                    byte[] key = readBytes(in);
                    changes.add(kind == REMOVE ? Change.remove(map, key) : new Change(kind, map, key, 0, readBytes(in)));
                }
            }
            return new WalRecord(number, last, changes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] value = new byte[in.readInt()];
        in.readFully(value);
        return value;
    }
}
