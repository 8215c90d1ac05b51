package dev.ddb.backup.pitr;

import org.springframework.stereotype.Component;

import dev.ddb.backup.clients.TableServiceClient;
import dev.ddb.backup.ondemand.Backups;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** DescribeContinuousBackups: PITR's status, period and restorable window of a table (name or ARN). */
@Component
public class DescribeContinuousBackupsOperation implements Operation {

    private final TableServiceClient tables;
    private final PitrArchives archives;

    public DescribeContinuousBackupsOperation(TableServiceClient tables, PitrArchives archives) {
        this.tables = tables;
        this.archives = archives;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        TableDescription table = ContinuousBackups.table(tables, context, Backups.string(request, "TableName"));
        return ContinuousBackups.description(archives.archive(table.tableId()), archives);
    }
}
