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
 * The key schemas {@code dynamodb:LeadingKeys} and the REST API ({@code dev.ddb.gateway.rest}) need, from table-service's DescribeTable (through
 * the gateway's own forwarder: its time limit and circuit breaker), kept for a short while. Only
 * tables that exist are kept, so a table created a moment ago is found at once; one deleted or
 * re-created through this gateway is dropped at once ({@link #forget}).
 */
@Component
public class KeySchemaCache {

    private static final Route DESCRIBE_TABLE = new Route("DescribeTable", DownstreamService.TABLE, true);
    private static final String TARGET = AwsJsonProtocol.DYNAMODB_PREFIX + "DescribeTable";

    private record TableId(String region, String tableName) {
    }

    private final ResilientForwarder forwarder;
    /** DescribeTable's {@code Table} of tables that exist; only read, never changed. */
    private final Cache<TableId, JsonNode> cache;

    KeySchemaCache(ResilientForwarder forwarder, AccessPolicyProperties properties) {
        this.forwarder = forwarder;
        this.cache = Caffeine.newBuilder().expireAfterWrite(properties.keySchemaExpiry()).maximumSize(10_000).build();
    }

    /** The table's keys; empty when there is no such table in the region. */
    Mono<Optional<TableKeys>> keysOf(String region, String tableName) {
        return describedTable(region, tableName).map(table -> table.flatMap(TableKeys::fromDescription));
    }

    /**
     * DescribeTable's {@code Table} (its key schema, attribute definitions and indexes are what callers
     * read); empty when there is no such table in the region. Not to be changed by the caller.
     */
    public Mono<Optional<JsonNode>> describedTable(String region, String tableName) {
        TableId id = new TableId(region, tableName);
        JsonNode cached = cache.getIfPresent(id);
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
                        return Optional.<JsonNode>empty();
                    }
                    JsonNode table = Json.read(answer.body()).path("Table");
                    if (TableKeys.fromDescription(table).isEmpty()) {
                        return Optional.<JsonNode>empty();
                    }
                    cache.put(id, table);
                    return Optional.of(table);
                });
    }

    /** Drops the table's cached schema, e.g. when an answer says it has changed (deleted, or re-created). */
    public void forget(String region, String tableName) {
        cache.invalidate(new TableId(region, tableName));
    }
}
