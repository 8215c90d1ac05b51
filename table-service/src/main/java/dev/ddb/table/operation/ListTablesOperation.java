package dev.ddb.table.operation;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.request.RequestMembers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** ListTables: table names in sort order, a page of at most Limit after ExclusiveStartTableName. */
@Component
public class ListTablesOperation implements Operation {

    /** The page size without a Limit: the most Limit may be. */
    private static final int DEFAULT_LIMIT = 100;

    private final TableMetadataStore store;

    public ListTablesOperation(TableMetadataStore store) {
        this.store = store;
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        String exclusiveStart = RequestMembers.string(body, "ExclusiveStartTableName");
        Integer limit = RequestMembers.integer(body, "Limit");

        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        // One name more than the page tells whether another page follows.
        List<String> names = store.tableNames(context.region(), exclusiveStart, pageSize + 1);
        List<String> page = names.subList(0, Math.min(pageSize, names.size()));

        ObjectNode response = Json.object();
        page.forEach(response.putArray("TableNames")::add);
        if (names.size() > pageSize) {
            response.put("LastEvaluatedTableName", page.get(page.size() - 1));
        }
        return response;
    }
}
