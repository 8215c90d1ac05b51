package dev.ddb.table.operation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.common.table.TableStatus;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.provisioning.TableStatisticsLookup;
import dev.ddb.table.request.RequestMembers;
import dev.ddb.table.request.TableNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DescribeTable: the stored TableDescription, with the global indexes item-service has finished
 * creating or deleting since the last look settled first (see {@link IndexTransitions}), and the
 * table's and its indexes' item counts and sizes as item-service reports them. Without an answer
 * from item-service the table is described without them.
 */
@Component
public class DescribeTableOperation implements Operation {

    private static final Logger LOG = LoggerFactory.getLogger(DescribeTableOperation.class);

    private final TableMetadataStore store;
    private final IndexTransitions indexTransitions;
    private final TableStatisticsLookup statistics;

    public DescribeTableOperation(TableMetadataStore store, IndexTransitions indexTransitions, TableStatisticsLookup statistics) {
        this.store = store;
        this.indexTransitions = indexTransitions;
        this.statistics = statistics;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        String tableName = TableNames.of(RequestMembers.string(body, "TableName"));
        String key = context.tableKey(tableName);
        TableDescription table = indexTransitions.settle(key, store.find(key).orElse(null));
        if (table == null) {
            throw DynamoDbException.tableNotFound(tableName);
        }
        ObjectNode response = Json.object();
        response.set("Table", TableDescriptionJson.write(counted(key, table)));
        return response;
    }

    /** The table with item-service's counts; a table being created (or restored) has no items there yet. */
    private TableDescription counted(String key, TableDescription table) {
        if (table.tableStatus() == TableStatus.CREATING) {
            return table;
        }
        try {
            return statistics.statistics(key).map(counts -> counts.applyTo(table)).orElse(table);
        } catch (RuntimeException e) {
            LOG.debug("Described table {} without its statistics: {}", key, e.toString());
            return table;
        }
    }
}
