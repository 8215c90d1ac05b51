package dev.ddb.item.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.encryption.MasterKeyException;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.support.TestTables;

/**
 * What a crash leaves on disk is the data directory's files as they are while the store runs:
 * the tests copy them (after the writes were acknowledged) and open the copy, which is what a
 * restart after {@code kill -9} does.
 */
class WriteAheadLogRecoveryTest {

    private static final MasterKey KEY = MasterKey.generate();

    private static final long NEVER = 3_600_000;
    private static final TableDescription TABLE = TestTables.table("T", "t", KeySchema.hashOnly("id", ScalarAttributeType.N));

    @TempDir
    Path dir;

    @Test
    void acknowledgedWritesAfterTheLastCheckpointAreReplayedFromTheLog() throws IOException {
        Path crashed = dir.resolve("crashed");
        Path withoutLog = dir.resolve("without-log");
        try (ItemStore store = open(dir.resolve("live"), NEVER)) {
            store.createTable(TABLE); // a checkpoint
            for (int i = 0; i < 50; i++) {
                put(store, i, "v" + i);
            }
            put(store, 7, "overwritten");
            delete(store, 8);
            copy(dir.resolve("live"), crashed);
            copy(dir.resolve("live"), withoutLog);
        }
        deleteLog(withoutLog);
        try (ItemStore store = open(withoutLog, NEVER)) {
            assertThat(store.get(TABLE, key(1))).as("only the log holds the writes after the checkpoint").isNull();
        }
        try (ItemStore store = open(crashed, NEVER)) {
            assertThat(value(store, 0)).isEqualTo("v0");
            assertThat(value(store, 49)).isEqualTo("v49");
            assertThat(value(store, 7)).isEqualTo("overwritten");
            assertThat(store.get(TABLE, key(8))).isNull();
            assertThat(store.durableOutbox(1000)).extracting(e -> e.sequence())
                    .as("every change's record, in sequence").isEqualTo(sequences(1, 52));
            put(store, 100, "after restart");
            assertThat(store.durableOutbox(1000)).extracting(e -> e.sequence()).endsWith(53L);
        }
    }

    @Test
    void aTornLastRecordEndsTheReplay() throws IOException {
        Path crashed = dir.resolve("crashed");
        try (ItemStore store = open(dir.resolve("live"), NEVER)) {
            store.createTable(TABLE);
            put(store, 1, "a");
            put(store, 2, "b");
            copy(dir.resolve("live"), crashed);
        }
        // A record half written when the power went: a plausible length, then garbage.
        try (Stream<Path> logs = Files.list(crashed).filter(p -> p.getFileName().toString().startsWith("items.wal."))) {
            for (Path log : logs.toList()) {
                try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
                    long end = endOfRecords(file);
                    file.seek(end);
                    file.writeInt(100);
                    file.writeInt(12345);
                    file.write(new byte[50]);
                }
            }
        }
        try (ItemStore store = open(crashed, NEVER)) {
            assertThat(value(store, 1)).isEqualTo("a");
            assertThat(value(store, 2)).isEqualTo("b");
            put(store, 3, "c");
            assertThat(value(store, 3)).isEqualTo("c");
        }
    }

    @Test
    void recordsLargerThanTheLogBufferAndTheSmallOnesAfterThemAreReplayed() throws IOException {
        // the log's buffers start at 64 KiB, grow for a large record and are reused by later writes
        String large = "x".repeat(150 * 1024);
        Path crashed = dir.resolve("crashed");
        try (ItemStore store = open(dir.resolve("live"), NEVER)) {
            store.createTable(TABLE);
            put(store, 1, "small before");
            put(store, 2, large);
            for (int i = 3; i < 10; i++) {
                put(store, i, "small after " + i);
            }
            put(store, 10, large + "again");
            put(store, 11, "last");
            copy(dir.resolve("live"), crashed);
        }
        try (ItemStore store = open(crashed, NEVER)) {
            assertThat(value(store, 1)).isEqualTo("small before");
            assertThat(value(store, 2)).isEqualTo(large);
            for (int i = 3; i < 10; i++) {
                assertThat(value(store, i)).isEqualTo("small after " + i);
            }
            assertThat(value(store, 10)).isEqualTo(large + "again");
            assertThat(value(store, 11)).isEqualTo("last");
            assertThat(store.durableOutbox(1000)).extracting(e -> e.sequence()).isEqualTo(sequences(1, 11));
        }
    }

    @Test
    void recoveryIsRightAfterManyCheckpointsAndRepeatedCrashes() throws IOException {
        Path live = dir.resolve("live");
        try (ItemStore store = open(live, 20)) { // checkpoints every 20 ms: both segments reused many times
            store.createTable(TABLE);
            for (int i = 0; i < 300; i++) {
                put(store, i % 40, "round1-" + i);
                if (i % 50 == 0) {
                    sleep(25);
                }
            }
            copy(live, dir.resolve("crash1"));
        }
        try (ItemStore store = open(dir.resolve("crash1"), NEVER)) {
            for (int i = 0; i < 40; i++) {
                assertThat(value(store, i)).isEqualTo("round1-" + (299 - (299 - i) % 40)); // its last put
            }
            for (int i = 0; i < 40; i++) {
                put(store, i, "round2-" + i);
            }
            copy(dir.resolve("crash1"), dir.resolve("crash2"));
        }
        try (ItemStore store = open(dir.resolve("crash2"), NEVER)) {
            for (int i = 0; i < 40; i++) {
                assertThat(value(store, i)).isEqualTo("round2-" + i);
            }
            assertThat(store.durableOutbox(1000)).extracting(e -> e.sequence()).endsWith(340L);
        }
    }

    @Test
    void aTransactionsClientRequestTokenIsLoggedEvenWhenItChangedNoItem() throws IOException {
        Path crashed = dir.resolve("crashed");
        try (ItemStore store = open(dir.resolve("live"), NEVER)) {
            store.createTable(TABLE);
            store.apply(List.of(), new ClientRequestToken("token-1", new byte[] {1, 2, 3}, 42));
            store.awaitDurable();
            put(store, 1, "a");
            copy(dir.resolve("live"), crashed);
        }
        try (ItemStore store = open(crashed, NEVER)) {
            assertThat(store.clientRequestToken("token-1").usedAtMillis()).isEqualTo(42);
            assertThat(value(store, 1)).isEqualTo("a");
        }
    }

    @Test
    void aCleanStopLeavesNothingToReplay() throws IOException {
        Path live = dir.resolve("live");
        try (ItemStore store = open(live, NEVER)) {
            store.createTable(TABLE);
            put(store, 1, "a");
        }
        deleteLog(live);
        try (ItemStore store = open(live, NEVER)) {
            assertThat(value(store, 1)).isEqualTo("a");
        }
    }

    @Test
    void theStoreAndTheLogHoldNoPlaintextTheKeyReadsThemBackAndAnotherKeyIsRefused() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        try (ItemStore store = open(live, NEVER)) {
            store.createTable(TABLE);
            put(store, 1, "MARKER-in-the-log");
            copy(live, crashed); // kill -9: the write is in the log only
        }
        try (ItemStore store = open(live, NEVER)) {
            put(store, 2, "MARKER-in-the-store");
        }
        for (Path file : List.of(live.resolve("items.mv.db"), live.resolve("items.wal.0"), live.resolve("items.wal.1"),
                crashed.resolve("items.wal.0"), crashed.resolve("items.wal.1"))) {
            assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as(file.toString()).doesNotContain("MARKER");
        }
        try (ItemStore store = open(crashed, NEVER)) {
            assertThat(value(store, 1)).isEqualTo("MARKER-in-the-log");
        }
        try (ItemStore store = open(live, NEVER)) {
            assertThat(value(store, 2)).isEqualTo("MARKER-in-the-store");
        }
        assertThatThrownBy(() -> new ItemStore(live, MasterKey.generate(), Durability.SYNC))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith("The master key in the generated master key does not open " + live.resolve("items.mv.db"));
    }

    @Test
    void aLogRecordChangedBehindARightChecksumStopsTheStart() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        try (ItemStore store = open(live, NEVER)) {
            store.createTable(TABLE);
            put(store, 1, "a");
            copy(live, crashed);
        }
        Path log = crashed.resolve("items.wal.0");
        byte[] bytes = Files.readAllBytes(log);
        if (java.nio.ByteBuffer.wrap(bytes).getInt(0) == 0) {
            log = crashed.resolve("items.wal.1");
            bytes = Files.readAllBytes(log);
        }
        int length = java.nio.ByteBuffer.wrap(bytes).getInt(0);
        bytes[8 + 20] ^= 1; // a ciphertext byte of the first record
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 8, length);
        java.nio.ByteBuffer.wrap(bytes).putInt(4, (int) crc.getValue());
        Files.write(log, bytes);
        Path changed = log;
        assertThatThrownBy(() -> open(crashed, NEVER)).isInstanceOf(IllegalStateException.class)
                .hasMessage("A record of the item store's log " + changed + " at byte 0 does not decrypt with the master key,"
                        + " though its checksum is right: it was changed");
    }

    private static ItemStore open(Path dir, long checkpointIntervalMillis) {
        return new ItemStore(dir, KEY, Durability.SYNC, GroupCommit.HOUSEKEEPING_INTERVAL_MILLIS, 1000, checkpointIntervalMillis);
    }

    private static void put(ItemStore store, int id, String value) {
        AttributeValue key = new AttributeValue.N(BigDecimal.valueOf(id));
        Map<String, AttributeValue> item = Map.of("id", key, "v", new AttributeValue.S(value));
        write(store, id, item);
    }

    private static void delete(ItemStore store, int id) {
        write(store, id, null);
    }

    private static void write(ItemStore store, int id, Map<String, AttributeValue> item) {
        AttributeValue key = new AttributeValue.N(BigDecimal.valueOf(id));
        store.apply(List.of(new StoreWrite(TABLE, key(id), item, List.of(), "k",
                seq -> new ItemChange("T", "t", seq, item == null ? "REMOVE" : "MODIFY", Map.of("id", key), null, item, 0, 0, null))));
        store.awaitDurable();
    }

    private static byte[] key(int id) {
        return KeyEncoding.encode(new AttributeValue.N(BigDecimal.valueOf(id)), null);
    }

    private static String value(ItemStore store, int id) {
        Map<String, AttributeValue> item = store.get(TABLE, key(id));
        return item == null ? null : ((AttributeValue.S) item.get("v")).value();
    }

    private static List<Long> sequences(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static long endOfRecords(RandomAccessFile file) throws IOException {
        long at = 0;
        while (at + 8 <= file.length()) {
            file.seek(at);
            int length = file.readInt();
            if (length <= 0) {
                return at;
            }
            at += 8 + length;
        }
        return at;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void deleteLog(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("items.wal.")).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
