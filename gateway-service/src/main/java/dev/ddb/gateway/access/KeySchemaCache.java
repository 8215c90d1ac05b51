package dev.ddb.gateway.access;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.gateway.access.request.TableKeys;
import dev.ddb.gateway.resilience.ResilientForwarder;
import dev.ddb.gateway.routing.DownstreamService;
import dev.ddb.gateway.routing.Route;

/**
 * The key schemas {@code dynamodb:LeadingKeys} needs, from table-service's DescribeTable (through
 * the gateway's own forwarder: its time limit and circuit breaker), kept for a short while. Only
 * tables that exist are kept, so a table created a moment ago is found at once; one deleted or
 * re-created through this gateway is dropped at once ({@link #forget}).
 */
@Component
class KeySchemaCache {

    private static final Route DESCRIBE_TABLE = new Route("DescribeTable", DownstreamService.TABLE, true);
    private static final String TARGET = AwsJsonProtocol.DYNAMODB_PREFIX + "DescribeTable";

    private record TableId(String region, String tableName) {
    }

    private final ResilientForwarder forwarder;
    private final Cache<TableId, TableKeys> cache;

    KeySchemaCache(ResilientForwarder forwarder, AccessPolicyProperties properties) {
        this.forwarder = forwarder;
        this.cache = Caffeine.newBuilder().expireAfterWrite(properties.keySchemaExpiry()).maximumSize(10_000).build();
    }

    /** The table's keys; empty when there is no such table in the region. */
    Mono<Optional<TableKeys>> keysOf(String region, String tableName) {
        TableId id = new TableId(region, tableName);
        TableKeys cached = cache.getIfPresent(id);
        if (cached != null) {
            return Mono.just(Optional.of(cached));
        }
        ObjectNode request = Json.object().put("TableName", tableName);
        return forwarder.forward(DESCRIBE_TABLE, RequestContext.of(region), TARGET, Json.write(request))
                .map(answer -> {
                    if (answer.status() != 200) {
                        // ResourceNotFoundException, or a name DescribeTable refuses: no such table.
                        if (answer.status() >= 500) {
                            throw DynamoDbException.internalServerError("Internal server error");
                        }
                        return Optional.<TableKeys>empty();
                    }
                    JsonNode table = Json.read(answer.body()).path("Table");
                    Optional<TableKeys> keys = TableKeys.fromDescription(table);
                    keys.ifPresent(k -> cache.put(id, k));
                    return keys;
                });
    }

    void forget(String region, String tableName) {
        cache.invalidate(new TableId(region, tableName));
    }
}
