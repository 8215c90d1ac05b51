package dev.ddb.table.operation;

import org.springframework.stereotype.Component;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DescribeEndpoints: what DynamoDB answers, its regional endpoint for the request's region, to be
 * cached a day ({@code CachePeriodInMinutes} 1440).
 */
@Component
public class DescribeEndpointsOperation implements Operation {

    static final long CACHE_PERIOD_IN_MINUTES = 1440;

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode body) {
        ObjectNode response = Json.object();
        response.putArray("Endpoints").addObject()
                .put("Address", "dynamodb." + context.region() + ".amazonaws.com")
                .put("CachePeriodInMinutes", CACHE_PERIOD_IN_MINUTES);
        return response;
    }
}
