package dev.ddb.backup.export;

import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ddb.backup.BackupServiceProperties;
import dev.ddb.backup.clients.ItemServiceClient;
import dev.ddb.backup.clients.TableServiceClient;
import dev.ddb.backup.ondemand.BackupArns;
import dev.ddb.backup.ondemand.BackupErrors;
import dev.ddb.backup.pitr.PitrArchives;
import dev.ddb.backup.pitr.PointInTimeItems;
import dev.ddb.backup.pitr.TableArchive;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.TableDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ExportTableToPointInTime: a FULL_EXPORT of a PITR-enabled table at ExportTime (default now), or
 * an INCREMENTAL_EXPORT of its changes in [ExportFromTime, ExportToTime), written by
 * {@link ExportRunner} in the background under {@code <export-root>/<S3Bucket>/<S3Prefix>/AWSDynamoDB/<ExportId>/}.
 * The export is recorded (IN_PROGRESS) before it is answered, with the archive's watermark, so a
 * restart writes the same files again. A ClientToken seen before answers that export when the
 * parameters are the same, ExportConflictException when they are not.
 */
@Component
public class ExportTableToPointInTimeOperation implements Operation {

    private static final Logger LOG = LoggerFactory.getLogger(ExportTableToPointInTimeOperation.class);
    static final long CATCH_UP_MILLIS = 10_000;
    /** DynamoDB's pattern for S3Bucket (up to 255 characters). */
    public static final Pattern BUCKET = Pattern.compile("[a-z0-9A-Z]+[.\\-\\w]*[a-z0-9A-Z]+");

    private final TransferCatalog catalog;
    private final TableServiceClient tables;
    private final ItemServiceClient items;
    private final PitrArchives archives;
    private final PointInTimeItems pointInTime;
    private final ExportRunner runner;
    private final String accountId;

    public ExportTableToPointInTimeOperation(TransferCatalog catalog, TableServiceClient tables, ItemServiceClient items,
                                             PitrArchives archives, PointInTimeItems pointInTime, ExportRunner runner,
                                             BackupServiceProperties properties) {
        this.catalog = catalog;
        this.tables = tables;
        this.items = items;
        this.archives = archives;
        this.pointInTime = pointInTime;
        this.runner = runner;
        this.accountId = properties.accountId();
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        String tableArn = text(request, "TableArn");
        String bucket = text(request, "S3Bucket");
        if (tableArn == null) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'tableArn' failed to satisfy constraint: Member must not be null");
        }
        if (bucket == null) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 's3Bucket' failed to satisfy constraint: Member must not be null");
        }
        if (bucket.length() > 255 || !BUCKET.matcher(bucket).matches()) {
            throw DynamoDbException.validation("Invalid S3Bucket: " + bucket);
        }
        String prefix = text(request, "S3Prefix");
        if (prefix != null && (prefix.startsWith("/") || prefix.contains("..") || prefix.contains("\\"))) {
            throw DynamoDbException.validation("Invalid S3Prefix: " + prefix);
        }
        String format = Optional.ofNullable(text(request, "ExportFormat")).orElse("DYNAMODB_JSON");
        if (format.equals("ION")) {
            throw DynamoDbException.validation("ExportFormat ION is not supported by this implementation; use DYNAMODB_JSON");
        }
        if (!format.equals("DYNAMODB_JSON")) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + format
                    + "' at 'exportFormat' failed to satisfy constraint: Member must satisfy enum value set: [DYNAMODB_JSON, ION]");
        }
        String type = Optional.ofNullable(text(request, "ExportType")).orElse("FULL_EXPORT");
        if (!type.equals("FULL_EXPORT") && !type.equals("INCREMENTAL_EXPORT")) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + type
                    + "' at 'exportType' failed to satisfy constraint: Member must satisfy enum value set: [FULL_EXPORT, INCREMENTAL_EXPORT]");
        }
        boolean incremental = type.equals("INCREMENTAL_EXPORT");
        JsonNode spec = request.get("IncrementalExportSpecification");
        String clientToken = text(request, "ClientToken");

        String[] fromArn = BackupArns.regionAndTable(tableArn);
        if (fromArn == null) {
            throw DynamoDbException.validation("Invalid TableArn: " + tableArn);
        }
        String tableKey = Regions.tableKey(fromArn[0], fromArn[1]);
        String tableName = fromArn[1];
        ObjectNode parameters = Json.object().put("TableArn", tableArn).put("S3Bucket", bucket)
                .put("S3Prefix", prefix).put("ExportFormat", format).put("ExportType", type);
        if (spec != null) {
            parameters.set("IncrementalExportSpecification", spec);
        }
        if (request.get("ExportTime") != null) {
            parameters.set("ExportTime", request.get("ExportTime"));
        }
        if (request.get("S3BucketOwner") != null) {
            parameters.set("S3BucketOwner", request.get("S3BucketOwner"));
        }
        if (clientToken != null) {
            Optional<ObjectNode> same = sameToken(tableArn, clientToken, parameters);
            if (same.isPresent()) {
                return response(same.get());
            }
        }

        TableDescription table = tables.table(tableKey).orElseThrow(() -> BackupErrors.tableNotFound(tableName));
        TableArchive archive = archives.archive(table.tableId())
                .orElseThrow(() -> TransferErrors.pointInTimeRecoveryUnavailable(tableName));
        if (archive.bases().isEmpty()) {
            throw TransferErrors.pointInTimeRecoveryUnavailable(tableName);
        }
        long now = System.currentTimeMillis();
        long earliest = archive.earliest(now);
        long exportMillis;
        long fromMillis = 0;
        long toMillis = 0;
        String viewType = null;
        if (incremental) {
            if (request.get("ExportTime") != null) {
                throw DynamoDbException.validation("ExportTime cannot be specified for an INCREMENTAL_EXPORT; use IncrementalExportSpecification");
            }
            if (spec == null || spec.get("ExportFromTime") == null || spec.get("ExportFromTime").isNull()) {
                throw DynamoDbException.validation("IncrementalExportSpecification.ExportFromTime must be specified for an INCREMENTAL_EXPORT");
            }
            fromMillis = millis(spec.get("ExportFromTime"));
            toMillis = spec.get("ExportToTime") == null || spec.get("ExportToTime").isNull() ? now : millis(spec.get("ExportToTime"));
            viewType = Optional.ofNullable(text(spec, "ExportViewType")).orElse("NEW_AND_OLD_IMAGES");
            if (!viewType.equals("NEW_IMAGE") && !viewType.equals("NEW_AND_OLD_IMAGES")) {
                throw DynamoDbException.validation("1 validation error detected: Value '" + viewType
                        + "' at 'incrementalExportSpecification.exportViewType' failed to satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, NEW_AND_OLD_IMAGES]");
            }
            if (toMillis <= fromMillis) {
                throw TransferErrors.invalidExportTime("ExportFromTime must be before ExportToTime");
            }
            if (toMillis - fromMillis > TableArchive.DAY_MILLIS) {
                throw TransferErrors.invalidExportTime("The period between ExportFromTime and ExportToTime can be at most 24 hours");
            }
            if (fromMillis < earliest) {
                throw TransferErrors.invalidExportTime("ExportFromTime must be at or after the table's EarliestRestorableDateTime");
            }
            if (toMillis - 1 > latest(archive)) {
                throw TransferErrors.invalidExportTime("ExportToTime must be at or before the table's LatestRestorableDateTime");
            }
            exportMillis = toMillis;
        } else {
            JsonNode exportTime = request.get("ExportTime");
            exportMillis = exportTime == null || exportTime.isNull() ? now : millis(exportTime);
            if (exportMillis < earliest || exportMillis > latest(archive)) {
                throw TransferErrors.invalidExportTime("Export time must be between EarliestRestorableDateTime and LatestRestorableDateTime");
            }
        }

        String exportId = BackupArns.newBackupId(now);
        String exportArn = table.tableArn() + "/export/" + exportId;
        String keyBase = (prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/")
                + "AWSDynamoDB/" + exportId + "/";
        ObjectNode description = Json.object()
                .put("ExportArn", exportArn)
                .put("ExportStatus", "IN_PROGRESS")
                .put("StartTime", TransferErrors.seconds(now))
                .put("TableArn", table.tableArn())
                .put("TableId", table.tableId())
                .put("ExportTime", TransferErrors.seconds(exportMillis))
                .put("S3Bucket", bucket)
                .put("S3SseAlgorithm", "AES256")
                .put("ExportFormat", format)
                .put("ExportType", type);
        if (prefix != null) {
            description.put("S3Prefix", prefix);
        }
        if (request.get("S3BucketOwner") != null) {
            description.set("S3BucketOwner", request.get("S3BucketOwner"));
        }
        if (clientToken != null) {
            description.put("ClientToken", clientToken);
        }
        if (incremental) {
            description.putObject("IncrementalExportSpecification")
                    .put("ExportFromTime", TransferErrors.seconds(fromMillis))
                    .put("ExportToTime", TransferErrors.seconds(toMillis))
                    .put("ExportViewType", viewType);
        }
        ObjectNode record = Json.object().put("Arn", exportArn).put("KeyBase", keyBase)
                .put("TableKey", tableKey).put("ExportMillis", exportMillis)
                .put("FromMillis", fromMillis).put("ToMillis", toMillis)
                .put("SequenceBound", archives.committedWatermark());
        record.set("Description", description);
        record.set("Parameters", parameters);
        synchronized (catalog) {
            if (clientToken != null) {
                Optional<ObjectNode> same = sameToken(tableArn, clientToken, parameters);
                if (same.isPresent()) {
                    return response(same.get());
                }
            }
            catalog.putExport(exportArn, record);
        }
        LOG.info("Export {} of table {} started", exportArn, tableKey);
        runner.start(exportArn);
        return response(record);
    }

    private Optional<ObjectNode> sameToken(String tableArn, String clientToken, ObjectNode parameters) {
        for (ObjectNode other : catalog.exports()) {
            JsonNode description = other.get("Description");
            if (clientToken.equals(description.path("ClientToken").stringValue(null))
                    && tableArn.equals(other.path("Parameters").path("TableArn").stringValue(null))) {
                if (other.get("Parameters").equals(parameters)) {
                    return Optional.of(other);
                }
                throw TransferErrors.exportConflict();
            }
        }
        return Optional.empty();
    }

    /** The latest exportable time: waits (a while) for the archive to hold what item-service has written by now. */
    private long latest(TableArchive archive) {
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
        return pointInTime.latest(archive);
    }

    private static ObjectNode response(ObjectNode record) {
        ObjectNode response = Json.object();
        response.set("ExportDescription", record.get("Description"));
        return response;
    }

    static long millis(JsonNode time) {
        return Math.round(time.doubleValue() * 1000);
    }

    static String text(JsonNode request, String name) {
        JsonNode node = request.get(name);
        return node == null || node.isNull() ? null : node.stringValue();
    }
}
