package dev.ddb.gateway.console;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.gateway.resilience.ResilientForwarder;
import dev.ddb.gateway.routing.OperationRoutes;
import dev.ddb.gateway.routing.Route;

/**
 * DynamoDB and DynamoDB Streams operations the live stream view makes on the console's behalf, sent
 * exactly as {@code POST /} sends them (same routes, time limits, circuit breakers), in the default
 * region. A DynamoDB error answer becomes a {@link ConsoleCallException} carrying its body.
 */
@Component
class StreamsCalls {

    private final OperationRoutes routes;
    private final ResilientForwarder forwarder;

    StreamsCalls(OperationRoutes routes, ResilientForwarder forwarder) {
        this.routes = routes;
        this.forwarder = forwarder;
    }

    Mono<JsonNode> describeTable(String tableName) {
        return call(AwsJsonProtocol.DYNAMODB_PREFIX + "DescribeTable", request().put("TableName", tableName));
    }

    Mono<JsonNode> describeStream(String streamArn) {
        return call(AwsJsonProtocol.STREAMS_PREFIX + "DescribeStream", request().put("StreamArn", streamArn));
    }

    Mono<JsonNode> latestShardIterator(String streamArn, String shardId) {
        return call(AwsJsonProtocol.STREAMS_PREFIX + "GetShardIterator", request().put("StreamArn", streamArn)
                .put("ShardId", shardId).put("ShardIteratorType", "LATEST"));
    }

    Mono<JsonNode> getRecords(String shardIterator) {
        return call(AwsJsonProtocol.STREAMS_PREFIX + "GetRecords", request().put("ShardIterator", shardIterator));
    }

    private static ObjectNode request() {
        return Json.object();
    }

    private Mono<JsonNode> call(String target, ObjectNode body) {
        Route route = routes.routeOf(target).orElseThrow();
        return forwarder.forward(route, RequestContext.DEFAULT, target, Json.write(body))
                .map(answer -> {
                    if (answer.status() != 200) {
                        throw new ConsoleCallException(new String(answer.body(), StandardCharsets.UTF_8));
                    }
                    return Json.read(answer.body());
                });
    }

    /** The JSON error body ({@code __type} and {@code message}) a call answered, or one the gateway made. */
    static final class ConsoleCallException extends RuntimeException {

        private final String body;

        ConsoleCallException(String body) {
            super(body, null, false, false);
            this.body = body;
        }

        static ConsoleCallException of(DynamoDbException error) {
            ObjectNode body = Json.object().put("__type", error.type()).put(error.messageMember(), error.getMessage());
            return new ConsoleCallException(new String(Json.write(body), StandardCharsets.UTF_8));
        }

        String body() {
            return body;
        }
    }
}
