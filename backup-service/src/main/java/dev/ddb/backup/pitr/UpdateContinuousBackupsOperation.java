package dev.ddb.backup.pitr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ddb.backup.clients.InternalCallException;
import dev.ddb.backup.clients.TableServiceClient;
import dev.ddb.backup.ondemand.Backups;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * UpdateContinuousBackups: turns point-in-time recovery on (archiving the table's changes from now,
 * then taking a base snapshot, before answering) or off (its archive goes, as in DynamoDB), or
 * changes RecoveryPeriodInDays (1-35, 35 when not given).
 */
@Component
public class UpdateContinuousBackupsOperation implements Operation {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateContinuousBackupsOperation.class);

    private final TableServiceClient tables;
    private final PitrArchives archives;
    private final BaseSnapshots baseSnapshots;

    public UpdateContinuousBackupsOperation(TableServiceClient tables, PitrArchives archives, BaseSnapshots baseSnapshots) {
        this.tables = tables;
        this.archives = archives;
        this.baseSnapshots = baseSnapshots;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        TableDescription table = ContinuousBackups.table(tables, context, Backups.string(request, "TableName"));
        JsonNode specification = request.get("PointInTimeRecoverySpecification");
        boolean enabled = specification.path("PointInTimeRecoveryEnabled").booleanValue();
        JsonNode period = specification.get("RecoveryPeriodInDays");
        int days = period == null || period.isNull() ? 35 : period.intValue();
        if (period != null && !period.isNull() && (days < 1 || days > 35)) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + period.asString()
                    + "' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: "
                    + "Member must have value " + (days < 1 ? "greater than or equal to 1" : "less than or equal to 35"));
        }
        if (!enabled) {
            archives.archive(table.tableId()).ifPresent(archive -> archives.disable(archive.tableId()));
            return ContinuousBackups.description(archives.archive(table.tableId()), archives);
        }
        if (table.tableStatus() != TableStatus.ACTIVE && table.tableStatus() != TableStatus.UPDATING) {
            throw PitrErrors.continuousBackupsUnavailable("Backups are being enabled for the table: " + table.tableName()
                    + ". Please retry later");
        }
        var existing = archives.archive(table.tableId());
        if (existing.isPresent()) {
            if (existing.get().recoveryPeriodDays() != days) {
                archives.update(existing.get().withRecoveryPeriod(days));
            }
            if (!existing.get().bases().isEmpty()) {
                return ContinuousBackups.description(archives.archive(table.tableId()), archives);
            }
        }
        TableArchive archive = archives.enable(table, days, System.currentTimeMillis());
        boolean taken;
        try {
            taken = baseSnapshots.take(archive);
        } catch (InternalCallException | java.io.UncheckedIOException e) {
            LOG.warn("Base snapshot of table {} failed: {}", table.tableName(), e.toString());
            taken = false;
        }
        if (!taken) {
            archives.disable(archive.tableId());
            throw PitrErrors.continuousBackupsUnavailable("Backups are being enabled for the table: " + table.tableName()
                    + ". Please retry later");
        }
        return ContinuousBackups.description(archives.archive(table.tableId()), archives);
    }
}
