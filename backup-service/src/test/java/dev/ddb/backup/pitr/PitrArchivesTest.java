package dev.ddb.backup.pitr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.TableDescription;

/**
 * The archives without Kafka: repeats dropped by sequence, the watermark over sequences seen on
 * several partitions, a restart cutting segments back to what the catalog committed, trimming.
 */
class PitrArchivesTest {

    private static final MasterKey KEY = MasterKey.generate();

    @TempDir
    Path dataDir;

    private static TableDescription table() {
        return new TableDescription("T", "id-T", "arn:aws:dynamodb:us-east-1:000000000000:table/T",
                dev.ddb.common.table.TableStatus.ACTIVE, java.time.Instant.ofEpochMilli(1_000),
                List.of(new dev.ddb.common.table.AttributeDefinition("pk", ScalarAttributeType.S)),
                KeySchema.hashOnly("pk", ScalarAttributeType.S), dev.ddb.common.table.ProvisionedThroughputDescription.onDemand(),
                new dev.ddb.common.table.BillingModeSummary(dev.ddb.common.table.BillingMode.PAY_PER_REQUEST,
                        java.time.Instant.ofEpochMilli(1_000)),
                List.of(), List.of(), null, null, null, false, 0, 0, null);
    }

    private static byte[] change(long sequence, String pk, long time) {
        return new ItemChange("T", "id-T", sequence, "INSERT", Map.of("pk", new AttributeValue.S(pk)), null,
                Map.of("pk", new AttributeValue.S(pk)), time, 10, null).toJson();
    }

    private List<Long> archived(PitrArchives archives) {
        TableArchive archive = archives.archive("id-T").orElseThrow();
        List<Long> sequences = new ArrayList<>();
        for (TableArchive.Segment segment : archive.segments()) {
            SegmentFile.read(archives.segmentPath("id-T", segment.name()), segment.length(), archives.segmentCipher(),
                    bytes -> sequences.add(ItemChange.fromJson(bytes).sequence()));
        }
        return sequences;
    }

    @Test
    void repeatsAreDroppedAndTheWatermarkCoversContiguousSequences() {
        try (PitrCatalog catalog = new PitrCatalog(dataDir, KEY); PitrArchives archives = new PitrArchives(catalog, dataDir, KEY, 1 << 20)) {
            archives.position(10);
            archives.enable(table(), 35, 1000);
            archives.consume(0, 0, change(11, "a", 1));
            archives.consume(1, 0, change(13, "b", 2));
            archives.consume(0, 1, change(11, "a", 1)); // the relay sent it again
            archives.commitBatch();
            assertThat(archives.committedWatermark()).isEqualTo(11);
            archives.consume(2, 0, change(12, "c", 3));
            archives.consume(1, 1, change(9, "z", 0)); // before PITR: seen
            archives.commitBatch();
            assertThat(archives.committedWatermark()).isEqualTo(13);
            assertThat(archived(archives)).containsExactly(11L, 13L, 12L);
            assertThat(archives.offset(0)).isEqualTo(2);
            archives.probed(5000, 13);
            assertThat(archives.latestComplete()).isEqualTo(5000);
            archives.probed(6000, 14);
            assertThat(archives.latestComplete()).isEqualTo(5000);
        }
    }

    @Test
    void batchesWithoutArchivedChangesStoreThePositionLaterAndEnablingStoresItFirst() {
        try (PitrCatalog catalog = new PitrCatalog(dataDir, KEY); PitrArchives archives = new PitrArchives(catalog, dataDir, KEY, 1 << 20)) {
            archives.position(0);
            long firstBatch = System.currentTimeMillis();
            archives.consume(0, 0, change(1, "a", 1)); // T has no archive yet
            archives.commitBatch();
            assertThat(catalog.position().orElseThrow().offsets()).containsEntry(0, 1L);

            archives.consume(0, 1, change(2, "b", 2));
            archives.commitBatch();
            assertThat(archives.committedWatermark()).isEqualTo(2);
            if (System.currentTimeMillis() - firstBatch < PitrArchives.POSITION_COMMIT_INTERVAL_MILLIS) {
                assertThat(catalog.position().orElseThrow().offsets()).containsEntry(0, 1L); // no commit, no fsync
            }

            archives.enable(table(), 35, 1000); // a crash after this must not archive change 2
            assertThat(catalog.position().orElseThrow().offsets()).containsEntry(0, 2L);
            assertThat(catalog.position().orElseThrow().watermark()).isEqualTo(2);

            archives.consume(0, 2, change(3, "c", 3));
            archives.commitBatch(); // an archive grew: stored at once
            assertThat(catalog.position().orElseThrow().offsets()).containsEntry(0, 3L);
            assertThat(archived(archives)).containsExactly(3L);
        }
    }

    @Test
    void aRestartCutsWhatWasNotCommittedAndResumesFromTheCommittedPosition() throws Exception {
        try (PitrCatalog catalog = new PitrCatalog(dataDir, KEY); PitrArchives archives = new PitrArchives(catalog, dataDir, KEY, 1 << 20)) {
            archives.position(0);
            archives.enable(table(), 35, 1000);
            archives.consume(0, 0, change(1, "a", 1));
            archives.commitBatch();
            archives.consume(0, 1, change(2, "b", 2)); // appended, never committed: a crash comes first
        }
        try (PitrCatalog catalog = new PitrCatalog(dataDir, KEY); PitrArchives archives = new PitrArchives(catalog, dataDir, KEY, 1 << 20)) {
            assertThat(archives.offset(0)).isEqualTo(1);
            assertThat(archives.committedWatermark()).isEqualTo(1);
            archives.consume(0, 1, change(2, "b", 2));
            archives.commitBatch();
            assertThat(archived(archives)).containsExactly(1L, 2L);
        }
    }

    @Test
    void trimmingDropsBasesAndSegmentsBeforeTheBaseCoveringTheWindow() throws Exception {
        long day = TableArchive.DAY_MILLIS;
        long now = 100 * day;
        try (PitrCatalog catalog = new PitrCatalog(dataDir, KEY); PitrArchives archives = new PitrArchives(catalog, dataDir, KEY, 1)) {
            archives.position(0);
            archives.enable(table(), 1, 0);
            archives.addBase("id-T", new TableArchive.Base("b1", 0, 10 * day, "x", 0));
            archives.consume(0, 0, change(1, "a", 11 * day));
            archives.commitBatch(); // the segment is full (1 byte): a new one is started
            archives.addBase("id-T", new TableArchive.Base("b2", 1, 50 * day, "x", 0));
            archives.consume(0, 1, change(2, "b", 99 * day));
            archives.commitBatch();
            TableArchive before = archives.archive("id-T").orElseThrow();
            assertThat(before.segments()).hasSize(3);
            String first = before.segments().get(0).name();

            archives.trim(now);
            TableArchive after = archives.archive("id-T").orElseThrow();
            assertThat(after.bases()).extracting(TableArchive.Base::id).containsExactly("b2");
            assertThat(after.segments()).hasSize(2);
            assertThat(Files.exists(archives.segmentPath("id-T", first))).isFalse();
            assertThat(after.earliest(now)).isEqualTo(now - day);
            assertThat(archived(archives)).containsExactly(2L);

            archives.tableEvent(new dev.ddb.common.event.TableEvent(dev.ddb.common.event.TableEvent.Type.DELETED, "T", "id-T",
                    now, table()));
            archives.trim(now + 2 * day);
            assertThat(archives.archive("id-T")).isEmpty();
        }
    }
}
