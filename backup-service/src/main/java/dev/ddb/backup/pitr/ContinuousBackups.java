package dev.ddb.backup.pitr;

import java.util.Optional;

import dev.ddb.backup.ondemand.BackupArns;
import dev.ddb.backup.ondemand.BackupErrors;
import dev.ddb.backup.clients.TableServiceClient;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.TableDescription;
import tools.jackson.databind.node.ObjectNode;

/** What the continuous backup operations share: the table a request names, and the description they answer. */
final class ContinuousBackups {

    private ContinuousBackups() {
    }

    /** The table named by TableName (a name or an ARN). @throws TableNotFoundException */
    static TableDescription table(TableServiceClient tables, RequestContext context, String named) {
        String[] fromArn = BackupArns.regionAndTable(named);
        String region = fromArn == null ? context.region() : fromArn[0];
        String tableName = fromArn == null ? named : fromArn[1];
        Optional<TableDescription> table = tables.table(Regions.tableKey(region, tableName));
        return table.orElseThrow(() -> BackupErrors.tableNotFound(tableName));
    }

    static ObjectNode description(Optional<TableArchive> archive, PitrArchives archives) {
        ObjectNode response = Json.object();
        ObjectNode description = response.putObject("ContinuousBackupsDescription").put("ContinuousBackupsStatus", "ENABLED");
        ObjectNode pitr = description.putObject("PointInTimeRecoveryDescription");
        if (archive.isEmpty()) {
            pitr.put("PointInTimeRecoveryStatus", "DISABLED");
            return response;
        }
        TableArchive table = archive.get();
        pitr.put("PointInTimeRecoveryStatus", "ENABLED").put("RecoveryPeriodInDays", table.recoveryPeriodDays());
        long now = System.currentTimeMillis();
        long earliest = table.earliest(now);
        if (earliest >= 0) {
            long latest = Math.max(earliest, latest(table, archives));
            pitr.put("EarliestRestorableDateTime", earliest / 1000.0);
            pitr.put("LatestRestorableDateTime", latest / 1000.0);
        }
        return response;
    }

    /** The latest restorable time: up to where the archive is complete (for a deleted table, at most its deletion). */
    static long latest(TableArchive archive, PitrArchives archives) {
        long complete = archives.latestComplete();
        return archive.deleted() ? Math.min(complete, archive.deletedMillis()) : complete;
    }
}
