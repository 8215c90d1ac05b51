package dev.ddb.table.operation;

import org.springframework.stereotype.Component;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DescribeLimits: DynamoDB's default provisioned capacity quotas of an account in a region. This
 * server enforces no quota of its own below them (CreateTable and UpdateTable accept any capacity
 * DynamoDB's request bounds allow), so it answers DynamoDB's defaults, as DynamoDB Local does.
 */
@Component
public class DescribeLimitsOperation implements Operation {

    static final long ACCOUNT_MAX_READ_CAPACITY_UNITS = 80_000;
    static final long ACCOUNT_MAX_WRITE_CAPACITY_UNITS = 80_000;
    static final long TABLE_MAX_READ_CAPACITY_UNITS = 40_000;
    static final long TABLE_MAX_WRITE_CAPACITY_UNITS = 40_000;

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        ObjectNode response = Json.object();
        response.put("AccountMaxReadCapacityUnits", ACCOUNT_MAX_READ_CAPACITY_UNITS);
        response.put("AccountMaxWriteCapacityUnits", ACCOUNT_MAX_WRITE_CAPACITY_UNITS);
        response.put("TableMaxReadCapacityUnits", TABLE_MAX_READ_CAPACITY_UNITS);
        response.put("TableMaxWriteCapacityUnits", TABLE_MAX_WRITE_CAPACITY_UNITS);
        return response;
    }
}
