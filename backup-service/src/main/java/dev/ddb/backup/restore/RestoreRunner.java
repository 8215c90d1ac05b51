package dev.ddb.backup.restore;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.ddb.backup.clients.InternalCallException;
import dev.ddb.backup.clients.InternalRetry;
import dev.ddb.backup.clients.ItemServiceClient;
import dev.ddb.backup.clients.RestoreAlreadyLoadedException;
import dev.ddb.backup.clients.RestoreRefusedException;
import dev.ddb.backup.clients.RestoreTargetGoneException;
import dev.ddb.backup.clients.TableServiceClient;
import dev.ddb.backup.pitr.PointInTimeItems;
import dev.ddb.backup.storage.Backup;
import dev.ddb.backup.storage.BackupCatalog;
import dev.ddb.backup.storage.BackupCorruptedException;
import dev.ddb.backup.storage.BackupFiles;
import dev.ddb.backup.storage.RestoreJob;
import dev.ddb.common.table.TableDescription;

/**
 * Runs restores in the background: checks the backup's file against its checksum, has item-service
 * load its items into the new (CREATING) table in chunks, then has table-service make the table
 * ACTIVE. A restore that cannot complete (its file corrupted, the table deleted meanwhile, a chunk
 * item-service refuses) removes its table and logs why: it never stays CREATING. Loading puts whole
 * items, so a restore cut short by a crash simply starts loading again when the service starts (every
 * job still in the catalog). Internal calls that fail (a service restarting or unreachable) are retried,
 * further and further apart, until they work or this service stops: the restore then goes on.
 */
@Component
public class RestoreRunner implements SmartInitializingSingleton, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreRunner.class);
    /** A chunk of items sent to item-service in one call: this many bytes or lines, whichever comes first. */
    static final int CHUNK_BYTES = 1024 * 1024;
    static final int CHUNK_LINES = 1000;
    /** Chunks of one restore being loaded at once. */
    static final int CHUNKS_IN_FLIGHT = 3;
    /** The pause after an internal call's first failure; it doubles with each failure, up to the most. */
    private static final long FIRST_RETRY_MILLIS = 1000;
    private static final long MOST_RETRY_MILLIS = 30_000;
    /** Failures of one call between warnings in the log. */
    private static final int WARN_EVERY = 10;

    private final BackupCatalog catalog;
    private final BackupFiles files;
    private final TableServiceClient tables;
    private final ItemServiceClient items;
    private final PointInTimeItems pointInTimeItems;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "restore");
        thread.setDaemon(true);
        return thread;
    });
    /** Where chunks are loaded, for every restore. */
    private final ExecutorService loadPool = Executors.newFixedThreadPool(6, runnable -> {
        Thread thread = new Thread(runnable, "restore-load");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;
    private final InternalRetry retry = InternalRetry.untilStopped("a restore", FIRST_RETRY_MILLIS, MOST_RETRY_MILLIS, WARN_EVERY,
            () -> this.closed);

    public RestoreRunner(BackupCatalog catalog, BackupFiles files, TableServiceClient tables, ItemServiceClient items,
                         PointInTimeItems pointInTimeItems) {
        this.pointInTimeItems = pointInTimeItems;
        this.catalog = catalog;
        this.files = files;
        this.tables = tables;
        this.items = items;
    }

    /** Resumes the restores a stop or crash interrupted. */
    @Override
    public void afterSingletonsInstantiated() {
        for (RestoreJob job : catalog.restores()) {
            LOG.info("Resuming the restore of table {} from {}", job.targetTableKey(), job.source());
            start(job);
        }
    }

    public void start(RestoreJob job) {
        executor.execute(() -> {
            try {
                run(job);
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.error("Restore of table {} from {} stopped; it resumes at the next start", job.targetTableKey(),
                            job.source(), e);
                }
            }
        });
    }

    private void run(RestoreJob recorded) {
        long started = System.nanoTime();
        RestoreJob job = withTable(recorded);
        if (job == null) {
            return;
        }
        Optional<Backup> backup = job.pointInTime() ? Optional.empty() : catalog.backup(job.backupArn());
        if (!job.pointInTime() && backup.isEmpty()) {
            fail(job, "its backup is gone");
            return;
        }
        try {
            java.util.function.Consumer<java.util.function.Consumer<String>> source;
            if (job.pointInTime()) {
                source = line -> pointInTimeItems.lines(job.sourceTableId(), job.restoreMillis(), job.sequenceBound(), line);
            } else {
                files.verify(backup.get().backupId(), backup.get().sha256());
                source = line -> files.readLines(backup.get().backupId(), line);
            }
            ChunkLoads loads = new ChunkLoads(chunk -> load(job, chunk));
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK_BYTES + 64 * 1024);
            int[] lines = {0};
            source.accept(line -> {
                chunk.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                chunk.write('\n');
                if (++lines[0] == CHUNK_LINES || chunk.size() >= CHUNK_BYTES) {
                    loads.submit(chunk.toByteArray());
                    chunk.reset();
                    lines[0] = 0;
                }
            });
            if (chunk.size() > 0) {
                loads.submit(chunk.toByteArray());
            }
            long refused = loads.await();
            if (refused > 0) {
                LOG.warn("Restore of table {}: {} items were refused (an index key of another type than the index's, or a line that is no item)",
                        job.targetTableKey(), refused);
            }
        } catch (RestoreAlreadyLoadedException e) {
            // item-service finished the table before a crash cut table-service's part short: finish that
            LOG.info("Restore of table {}: {}", job.targetTableKey(), e.getMessage());
        } catch (BackupCorruptedException e) {
            fail(job, e.getMessage());
            return;
        } catch (RestoreTargetGoneException e) {
            fail(job, e.getMessage()); // item-service lost the table: table-service must not keep it CREATING
            return;
        } catch (RestoreRefusedException e) {
            fail(job, e.getMessage());
            return;
        }
        retry.call(() -> tables.finish(job.targetTableKey(), job.tableId()));
        catalog.remove(job);
        LOG.info("Restored table {} from {} in {} ms", job.targetTableKey(), job.source(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The job with the TableId of its table (a crash may have come between table-service creating
     * the table and the catalog recording its id), or null when there is nothing left to restore.
     */
    private RestoreJob withTable(RestoreJob job) {
        TableDescription table = retry.call(() -> tables.table(job.targetTableKey())).orElse(null);
        boolean ours = table != null && table.restoreSummary() != null
                && (job.pointInTime()
                        ? table.restoreSummary().sourceBackupArn() == null
                                && job.sourceTableArn().equals(table.restoreSummary().sourceTableArn())
                        : job.backupArn().equals(table.restoreSummary().sourceBackupArn()))
                && (job.tableId() == null || job.tableId().equals(table.tableId()));
        if (!ours || !table.restoreInProgress()) {
            // never created, finished before the crash, or deleted: nothing to do
            catalog.remove(job);
            return null;
        }
        if (job.tableId() == null) {
            RestoreJob identified = job.withTableId(table.tableId());
            catalog.put(identified);
            return identified;
        }
        return job;
    }

    /**
     * The chunks of one restore, {@link #CHUNKS_IN_FLIGHT} at a time on the shared load pool: the
     * items of a backup are distinct, so their order does not matter, and item-service's group
     * commit makes one fsync serve the write sets of several chunks.
     */
    private final class ChunkLoads {
        private final ToLongFunction<byte[]> load;
        private final Semaphore inFlight = new Semaphore(CHUNKS_IN_FLIGHT);
        private final List<Future<Long>> loads = new ArrayList<>();
        private long refused;

        ChunkLoads(ToLongFunction<byte[]> load) {
            this.load = load;
        }

        void submit(byte[] chunk) {
            inFlight.acquireUninterruptibly();
            loads.add(loadPool.submit(() -> {
                try {
                    return load.applyAsLong(chunk);
                } finally {
                    inFlight.release();
                }
            }));
            // count the chunks done; a failed one's exception stops the reading here
            for (Iterator<Future<Long>> done = loads.iterator(); done.hasNext(); ) {
                Future<Long> future = done.next();
                if (future.isDone()) {
                    refused += outcome(future);
                    done.remove();
                }
            }
        }

        /** The items refused over all chunks, once every chunk is done; a chunk's failure thrown. */
        long await() {
            for (Future<Long> future : loads) {
                refused += outcome(future);
            }
            loads.clear();
            return refused;
        }

        private long outcome(Future<Long> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InternalCallException("interrupted while loading", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private long load(RestoreJob job, byte[] chunk) {
        return retry.call(() -> items.load(job.targetTableKey(), job.tableId(), chunk));
    }

    /** The restore cannot complete: its table goes, and the log says why. */
    private void fail(RestoreJob job, String reason) {
        LOG.error("Restore of table {} from {} failed ({}); removing the table", job.targetTableKey(), job.source(), reason);
        retry.run(() -> tables.abandon(job.targetTableKey(), job.tableId()));
        catalog.remove(job);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        executor.shutdownNow();
        loadPool.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        loadPool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
