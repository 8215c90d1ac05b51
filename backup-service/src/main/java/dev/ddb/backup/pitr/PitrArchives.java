package dev.ddb.backup.pitr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ddb.backup.storage.BackupFiles;
import dev.ddb.common.encryption.KeyPurposes;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.encryption.RecordCipher;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.files.FileTrees;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.TableDescription;

/**
 * The archives of every table with point-in-time recovery on, in memory as the catalog has them
 * (this object's monitor guards both), the segments being appended to, and the change log
 * consumer's position: which sequences it has seen (a repeat of the at-least-once relay is
 * dropped by its sequence), and its watermark (every sequence up to it seen). Sequences are
 * contiguous over item-service's store, so the watermark reaching a sequence means every change up
 * to that one is archived.
 */
public final class PitrArchives implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PitrArchives.class);
    /**
     * How long the stored position may lag behind a batch that grew no archive. Re-reading such
     * changes after a crash archives nothing (their tables had no archive; {@link #enable} stores
     * the position first), so most batches (no table has PITR on) skip a commit and an fsync.
     */
    static final long POSITION_COMMIT_INTERVAL_MILLIS = 1000;

    private final PitrCatalog catalog;
    private final Path root;
    private final MasterKey masterKey;
    private final RecordCipher segmentCipher;
    private final long segmentBytes;
    private final Map<String, TableArchive> byId = new HashMap<>();
    private final Map<String, SegmentFile> appending = new HashMap<>();
    private final Set<String> grown = new LinkedHashSet<>();
    private final Map<Integer, Long> offsets = new HashMap<>();
    private final TreeSet<Long> seenAbove = new TreeSet<>();
    private boolean positioned;
    private long watermark;
    private volatile long committedWatermark = -1;
    /** The latest time up to which the archive is known complete (see {@link #probed}). */
    private volatile long latestComplete;
    private final List<long[]> pendingProbes = new ArrayList<>();
    /** Whether the position moved since it was last stored (by batches that grew no archive). */
    private boolean positionUnsaved;
    private long positionSavedMillis;

    public PitrArchives(PitrCatalog catalog, Path dataDir, MasterKey masterKey, long segmentBytes) {
        this.masterKey = masterKey;
        this.segmentCipher = new RecordCipher(masterKey, KeyPurposes.PITR_SEGMENTS);
        this.catalog = catalog;
        this.root = dataDir.resolve("pitr");
        this.segmentBytes = segmentBytes;
        for (TableArchive archive : catalog.archives()) {
            byId.put(archive.tableId(), archive);
            TableArchive.Segment last = archive.segments().get(archive.segments().size() - 1);
            appending.put(archive.tableId(), SegmentFile.openForAppend(segmentPath(archive.tableId(), last.name()), last.length(), segmentCipher));
            bases(archive.tableId()).deleteTemporaryFiles();
        }
        catalog.position().ifPresent(position -> {
            positioned = true;
            offsets.putAll(position.offsets());
            watermark = position.watermark();
            seenAbove.addAll(position.seenAbove());
            committedWatermark = watermark;
        });
    }

    /** The base snapshots' files of a table: {@code <data-dir>/pitr/<tableId>/backups/<baseId>.ndjson.gz}. */
    public BackupFiles bases(String tableId) {
        return new BackupFiles(root.resolve(tableId), masterKey);
    }

    /** Encrypts and decrypts the records of the archive segments. */
    public RecordCipher segmentCipher() {
        return segmentCipher;
    }

    Path segmentPath(String tableId, String name) {
        return root.resolve(tableId).resolve(name);
    }

    public synchronized Optional<TableArchive> archive(String tableId) {
        return Optional.ofNullable(byId.get(tableId));
    }

    public synchronized List<TableArchive> archives() {
        return new ArrayList<>(byId.values());
    }

    /**
     * The archive of a table with this key that table-service has no more: the newest deleted one
     * (or one whose deletion event has not arrived yet), if one is kept.
     */
    public synchronized Optional<TableArchive> deleted(String tableKey) {
        return byId.values().stream().filter(a -> a.tableKey().equals(tableKey))
                .max(Comparator.comparingLong((TableArchive a) -> a.deleted() ? a.deletedMillis() : Long.MAX_VALUE));
    }

    /** Starts archiving the table's changes (before its base snapshot is taken). */
    public synchronized TableArchive enable(TableDescription table, int recoveryPeriodDays, long now) {
        TableArchive existing = byId.get(table.tableId());
        if (existing != null) {
            return existing;
        }
        savePosition(); // changes consumed before this point must not be archived again after a crash
        String name = segmentName(1);
        TableArchive archive = new TableArchive(table.tableId(), Regions.tableKey(table), recoveryPeriodDays, now, 0,
                table, List.of(), List.of(new TableArchive.Segment(name, 0, 0, 0)));
        appending.put(table.tableId(), SegmentFile.openForAppend(segmentPath(table.tableId(), name), 0, segmentCipher));
        byId.put(table.tableId(), archive);
        catalog.put(archive);
        return archive;
    }

    public synchronized void update(TableArchive archive) {
        if (byId.containsKey(archive.tableId())) {
            byId.put(archive.tableId(), archive);
            catalog.put(archive);
        }
    }

    public synchronized void addBase(String tableId, TableArchive.Base base) {
        TableArchive archive = byId.get(tableId);
        if (archive == null) {
            bases(tableId).delete(base.id()); // disabled meanwhile
            return;
        }
        update(rollSegment(archive).withBase(base));
    }

    /** Stops point-in-time recovery of the table: its archive goes. */
    public synchronized void disable(String tableId) {
        TableArchive archive = byId.remove(tableId);
        SegmentFile segment = appending.remove(tableId);
        if (segment != null) {
            segment.close();
        }
        grown.remove(tableId);
        if (archive != null) {
            catalog.remove(tableId);
        }
        deleteTree(root.resolve(tableId));
    }

    /** Follows a table's description and its deletion from {@code ddb.table-events}. */
    public synchronized void tableEvent(TableEvent event) {
        TableArchive archive = byId.get(event.tableId());
        if (archive == null || event.table() == null) {
            return;
        }
        TableArchive updated = switch (event.eventType()) {
            case DELETED -> archive.deleted() ? archive : archive.deletedAt(event.timeMillis());
            default -> archive.deleted() ? archive : archive.withTable(event.table());
        };
        if (!updated.equals(archive)) {
            update(updated);
        }
    }

    // ---- the change log consumer's side ----

    public synchronized boolean positioned() {
        return positioned;
    }

    /** A first start: sequences up to {@code lastSequence} (before any table had PITR on) count as seen. */
    public synchronized void position(long lastSequence) {
        positioned = true;
        watermark = lastSequence;
        committedWatermark = lastSequence;
        catalog.advance(new PitrCatalog.ConsumerPosition(Map.of(), watermark, List.of()), List.of());
    }

    /** The next offset of a partition, or null to read it from its beginning. */
    public synchronized Long offset(int partition) {
        return offsets.get(partition);
    }

    /** One record of {@code ddb.item-changes}: appended to its table's archive unless a repeat. */
    public synchronized void consume(int partition, long offset, byte[] value) {
        offsets.put(partition, offset + 1);
        ItemChange.Head head;
        try {
            head = ItemChange.head(value); // without parsing the images: most changes are of tables not archived
        } catch (RuntimeException e) {
            LOG.warn("Skipping an unreadable record at {}-{}: {}", partition, offset, e.toString());
            return;
        }
        long sequence = head.sequence();
        String tableId = head.tableId();
        long time = head.timeMillis();
        if (!firstSeen(sequence)) {
            return; // a repeat
        }
        TableArchive archive = byId.get(tableId);
        if (archive == null) {
            return;
        }
        // a deleted table's changes still arriving were made before its deletion: they belong in its archive
        SegmentFile segment = appending.get(tableId);
        segment.append(value);
        List<TableArchive.Segment> segments = new ArrayList<>(archive.segments());
        TableArchive.Segment last = segments.remove(segments.size() - 1);
        segments.add(last.appended(segment.length(), sequence, time));
        byId.put(archive.tableId(), archive.withSegments(segments));
        grown.add(archive.tableId());
    }

    private boolean firstSeen(long sequence) {
        if (sequence <= watermark || !seenAbove.add(sequence)) {
            return false;
        }
        while (!seenAbove.isEmpty() && seenAbove.first() == watermark + 1) {
            seenAbove.pollFirst();
            watermark++;
        }
        return true;
    }

    /**
     * Ends a batch: the segments it grew are fsynced, then their lengths and the consumer's
     * position are committed together. Full segments are closed and new ones started.
     */
    public synchronized void commitBatch() {
        long now = System.currentTimeMillis();
        if (grown.isEmpty() && now - positionSavedMillis < POSITION_COMMIT_INTERVAL_MILLIS) {
            positionUnsaved = true; // every archived table's changes up to the watermark are stored already
            committedWatermark = watermark;
            settleProbes();
            notifyAll();
            return;
        }
        for (String tableId : grown) {
            appending.get(tableId).force();
        }
        List<TableArchive> changed = new ArrayList<>();
        grown.forEach(id -> changed.add(byId.get(id)));
        catalog.advance(currentPosition(), changed);
        positionSavedMillis = now;
        positionUnsaved = false;
        committedWatermark = watermark;
        for (String tableId : grown) {
            if (appending.get(tableId).length() >= segmentBytes) {
                update(rollSegment(byId.get(tableId)));
            }
        }
        grown.clear();
        settleProbes();
        notifyAll();
    }

    private PitrCatalog.ConsumerPosition currentPosition() {
        return new PitrCatalog.ConsumerPosition(new HashMap<>(offsets), watermark, new ArrayList<>(seenAbove));
    }

    /** Stores a position that batches without archived changes moved. */
    private void savePosition() {
        if (positionUnsaved) {
            catalog.advance(currentPosition(), List.of());
            positionSavedMillis = System.currentTimeMillis();
            positionUnsaved = false;
        }
    }

    /** Every sequence up to this one is archived and committed. */
    public long committedWatermark() {
        return committedWatermark;
    }

    /** The latest time up to which the archive is complete (0 when not known yet). */
    public long latestComplete() {
        return latestComplete;
    }

    /**
     * item-service said: at {@code time} its last sequence was {@code sequence}. Once every
     * sequence up to that one is archived, every write acknowledged by {@code time} is.
     */
    public synchronized void probed(long time, long sequence) {
        if (sequence <= committedWatermark) {
            latestComplete = Math.max(latestComplete, time);
        } else if (pendingProbes.size() < 1000) {
            pendingProbes.add(new long[] {time, sequence});
        }
    }

    private void settleProbes() {
        pendingProbes.removeIf(probe -> {
            if (probe[1] <= committedWatermark) {
                latestComplete = Math.max(latestComplete, probe[0]);
                return true;
            }
            return false;
        });
    }

    /** Waits until every sequence up to {@code sequence} is archived; false at the timeout. */
    public synchronized boolean awaitArchived(long sequence, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (committedWatermark < sequence) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    // ---- trimming ----

    /**
     * Drops what fell out of the recovery period: a deleted table's whole archive once its period
     * ended since the deletion; else the bases older than the newest one taken before the window
     * starts, and the segments holding only changes that base already has.
     */
    public synchronized void trim(long now) {
        for (TableArchive archive : new ArrayList<>(byId.values())) {
            if (archive.deleted() && archive.deletedMillis() + archive.recoveryPeriodDays() * TableArchive.DAY_MILLIS < now) {
                LOG.info("Point-in-time recovery period of deleted table {} ({}) ended; removing its archive",
                        archive.tableKey(), archive.tableId());
                disable(archive.tableId());
                continue;
            }
            TableArchive.Base cover = archive.baseFor(archive.windowStart(now));
            if (cover == null) {
                continue;
            }
            List<TableArchive.Base> keptBases = new ArrayList<>();
            for (TableArchive.Base base : archive.bases()) {
                if (base.timeMillis() >= cover.timeMillis()) {
                    keptBases.add(base);
                } else {
                    bases(archive.tableId()).delete(base.id());
                }
            }
            List<TableArchive.Segment> keptSegments = new ArrayList<>();
            List<TableArchive.Segment> segments = archive.segments();
            for (int i = 0; i < segments.size(); i++) {
                TableArchive.Segment segment = segments.get(i);
                boolean current = i == segments.size() - 1;
                if (!current && segment.maxSequence() <= cover.sequence()) {
                    try {
                        Files.deleteIfExists(segmentPath(archive.tableId(), segment.name()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else {
                    keptSegments.add(segment);
                }
            }
            if (keptBases.size() != archive.bases().size() || keptSegments.size() != segments.size()) {
                update(archive.withBases(keptBases).withSegments(keptSegments));
            }
        }
    }

    /** The archive with its current segment closed and a new one started. */
    private TableArchive rollSegment(TableArchive archive) {
        List<TableArchive.Segment> segments = new ArrayList<>(archive.segments());
        TableArchive.Segment last = segments.get(segments.size() - 1);
        if (last.length() == 0) {
            return archive;
        }
        int number = Integer.parseInt(last.name().substring(0, last.name().indexOf('.'))) + 1;
        String name = segmentName(number);
        SegmentFile previous = appending.put(archive.tableId(), SegmentFile.openForAppend(segmentPath(archive.tableId(), name), 0, segmentCipher));
        if (previous != null) {
            previous.force();
            previous.close();
        }
        segments.add(new TableArchive.Segment(name, 0, 0, 0));
        return archive.withSegments(segments);
    }

    private static String segmentName(int number) {
        return String.format("%08d.seg", number);
    }

    private static void deleteTree(Path directory) {
        try {
            FileTrees.delete(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            savePosition();
        } catch (RuntimeException e) {
            LOG.debug("Position of the change log consumer not stored at close: {}", e.toString());
        }
        appending.values().forEach(SegmentFile::close);
        appending.clear();
    }
}
