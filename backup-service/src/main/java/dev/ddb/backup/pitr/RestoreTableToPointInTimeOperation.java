package dev.ddb.backup.pitr;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ddb.backup.BackupServiceProperties;
import dev.ddb.backup.clients.ItemServiceClient;
import dev.ddb.backup.clients.TableServiceClient;
import dev.ddb.backup.ondemand.BackupArns;
import dev.ddb.backup.ondemand.BackupErrors;
import dev.ddb.backup.restore.RestoreRequests;
import dev.ddb.backup.restore.RestoreRunner;
import dev.ddb.backup.storage.BackupCatalog;
import dev.ddb.backup.storage.RestoreJob;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.RestoreSummary;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RestoreTableToPointInTime: the source table (live, or deleted within its recovery period) at
 * RestoreDateTime, or at the latest restorable time, into a new table: created through
 * table-service CREATING with a RestoreSummary (SourceTableArn, RestoreDateTime = the point in
 * time), loaded by {@link RestoreRunner} from {@link PointInTimeItems}, then ACTIVE. The overrides
 * are RestoreTableFromBackup's. With UseLatestRestorableTime, the latest time is item-service's
 * clock now, once the archive holds every change item-service had made by then (waiting up to
 * {@link #CATCH_UP_MILLIS}); a RestoreDateTime past the latest restorable time waits the same way
 * before InvalidRestoreTimeException.
 */
@Component
public class RestoreTableToPointInTimeOperation implements Operation {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreTableToPointInTimeOperation.class);
    static final long CATCH_UP_MILLIS = 10_000;

    private final BackupCatalog catalog;
    private final TableServiceClient tables;
    private final ItemServiceClient items;
    private final PitrArchives archives;
    private final RestoreRunner runner;
    private final int maxConcurrentRestores;

    public RestoreTableToPointInTimeOperation(BackupCatalog catalog, TableServiceClient tables, ItemServiceClient items,
                                              PitrArchives archives, RestoreRunner runner,
                                              BackupServiceProperties properties) {
        this.catalog = catalog;
        this.tables = tables;
        this.items = items;
        this.archives = archives;
        this.runner = runner;
        this.maxConcurrentRestores = properties.maxConcurrentRestores();
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String sourceName = text(request, "SourceTableName");
        String sourceArn = text(request, "SourceTableArn");
        String targetTableName = request.get("TargetTableName").stringValue();
        JsonNode restoreDateTime = request.get("RestoreDateTime");
        boolean hasTime = restoreDateTime != null && !restoreDateTime.isNull();
        boolean useLatest = request.path("UseLatestRestorableTime").booleanValue(false);
        if (sourceName == null && sourceArn == null) {
            throw DynamoDbException.validation("Either SourceTableName or SourceTableArn must be specified");
        }
        if (sourceName != null && sourceArn != null) {
            throw DynamoDbException.validation("Only one of SourceTableName or SourceTableArn can be specified");
        }
        if (hasTime && useLatest) {
            throw DynamoDbException.validation("Only one of RestoreDateTime or UseLatestRestorableTime can be specified");
        }
        if (!hasTime && !useLatest) {
            throw DynamoDbException.validation("Either RestoreDateTime or UseLatestRestorableTime must be specified");
        }
        String sourceKey;
        if (sourceArn != null) {
            String[] fromArn = BackupArns.regionAndTable(sourceArn);
            if (fromArn == null) {
                throw DynamoDbException.validation("Invalid TableArn: " + sourceArn);
            }
            sourceKey = Regions.tableKey(fromArn[0], fromArn[1]);
        } else {
            sourceKey = context.tableKey(sourceName);
        }
        String sourceTableName = Regions.nameOfKey(sourceKey);
        Optional<TableDescription> live = tables.table(sourceKey);
        TableArchive archive;
        if (live.isPresent()) {
            archive = archives.archive(live.get().tableId())
                    .orElseThrow(() -> PitrErrors.pointInTimeRecoveryUnavailable(sourceTableName));
        } else {
            archive = archives.deleted(sourceKey).orElseThrow(() -> BackupErrors.tableNotFound(sourceTableName));
        }
        if (archive.bases().isEmpty()) {
            throw PitrErrors.pointInTimeRecoveryUnavailable(sourceTableName);
        }

        long restoreMillis = hasTime ? Math.round(restoreDateTime.doubleValue() * 1000) : latestNow(archive);
        long earliest = archive.earliest(System.currentTimeMillis());
        if (restoreMillis < earliest) {
            throw PitrErrors.invalidRestoreTime();
        }
        if (restoreMillis > ContinuousBackups.latest(archive, archives)) {
            catchUp(restoreMillis);
            if (restoreMillis > ContinuousBackups.latest(archive, archives)) {
                throw PitrErrors.invalidRestoreTime();
            }
        }

        String targetKey = context.tableKey(targetTableName);
        tables.table(targetKey).ifPresent(existing -> {
            throw BackupErrors.tableAlreadyExists(targetTableName);
        });
        ObjectNode createTable = RestoreRequests.createTable(targetTableName, archive.table(), request);
        RestoreJob job = RestoreJob.pointInTime(targetKey, archive.tableId(), archive.table().tableArn(), restoreMillis,
                archives.committedWatermark());
        synchronized (catalog) {
            if (catalog.restores().stream().anyMatch(other -> other.targetTableKey().equals(targetKey))) {
                throw BackupErrors.tableInUse("Table is being created or deleted: " + targetTableName);
            }
            if (catalog.restores().size() >= maxConcurrentRestores) {
                throw DynamoDbException.limitExceeded("Too many table restores in progress: up to "
                        + maxConcurrentRestores + " may run at a time");
            }
            catalog.put(job);
        }
        RestoreSummary summary = new RestoreSummary(null, archive.table().tableArn(), Instant.ofEpochMilli(restoreMillis), true);
        TableDescription created;
        try {
            created = tables.createRestored(context.region(), createTable, summary);
        } catch (DynamoDbException e) {
            catalog.remove(job);
            if (e.code().equals("ResourceInUseException")) {
                throw BackupErrors.tableAlreadyExists(targetTableName);
            }
            throw e;
        } catch (RuntimeException e) {
            catalog.remove(job);
            LOG.error("Creating table {} for a point-in-time restore of {} failed: {}", targetKey, sourceKey, e.toString());
            throw DynamoDbException.internalServerError("Internal server error");
        }
        RestoreJob started = job.withTableId(created.tableId());
        catalog.put(started);
        runner.start(started);
        ObjectNode response = Json.object();
        response.set("TableDescription", TableDescriptionJson.write(created));
        return response;
    }

    /**
     * The latest restorable time now: item-service's time and last sequence, once the archive has
     * every sequence up to it; else (item-service unreachable, the archive lagging) what is known complete.
     */
    private long latestNow(TableArchive archive) {
        try {
            ItemServiceClient.Position position = items.position();
            if (archives.awaitArchived(position.sequence(), CATCH_UP_MILLIS)) {
                archives.probed(position.timeMillis(), position.sequence());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("item-service's change log position unavailable: {}", e.toString());
        }
        return Math.max(archive.earliest(System.currentTimeMillis()), ContinuousBackups.latest(archive, archives));
    }

    /** A RestoreDateTime past the latest restorable time: waits for the archive to catch up with it. */
    private void catchUp(long restoreMillis) {
        if (restoreMillis > System.currentTimeMillis()) {
            return;
        }
        latestNowQuietly();
    }

    private void latestNowQuietly() {
        try {
            ItemServiceClient.Position position = items.position();
            if (archives.awaitArchived(position.sequence(), CATCH_UP_MILLIS)) {
                archives.probed(position.timeMillis(), position.sequence());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("item-service's change log position unavailable: {}", e.toString());
        }
    }

    private static String text(ObjectNode request, String name) {
        JsonNode node = request.get(name);
        return node == null || node.isNull() ? null : node.stringValue();
    }
}
