package dev.ddb.gateway.rest;

import java.util.Optional;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.gateway.access.AccessPolicies;
import dev.ddb.gateway.access.KeySchemaCache;
import dev.ddb.gateway.auth.Requester;
import dev.ddb.gateway.resilience.ResilientForwarder;
import dev.ddb.gateway.routing.OperationRoutes;
import dev.ddb.gateway.routing.Route;

/**
 * Sends a translated REST call down the same path as a DynamoDB request: the access policies
 * decide on the DynamoDB request body (so one policy governs both APIs), then the operation's
 * route, time limit and circuit breaker forward it to the owning service. A DynamoDB error comes
 * back as a {@link RestProblem}.
 */
@Component
class DynamoDbCalls {

    private final OperationRoutes routes;
    private final ResilientForwarder forwarder;
    private final AccessPolicies accessPolicies;
    private final KeySchemaCache keySchemas;

    DynamoDbCalls(OperationRoutes routes, ResilientForwarder forwarder, AccessPolicies accessPolicies,
                  KeySchemaCache keySchemas) {
        this.routes = routes;
        this.forwarder = forwarder;
        this.accessPolicies = accessPolicies;
        this.keySchemas = keySchemas;
    }

    /**
     * The operation's answer when it succeeded; a RestProblem with its error when not. When an item
     * operation finds no table or a key that does not fit, the cached key schema may be stale (the
     * table deleted or re-created with other keys elsewhere): it is dropped, so the next call looks again.
     */
    Mono<JsonNode> call(RestCaller caller, String operation, ObjectNode request) {
        return send(caller, operation, request).doOnError(RestProblem.class, problem -> {
            JsonNode table = request.get("TableName");
            if (table != null && problem.dynamoDbType() != null && !operation.endsWith("Table")
                    && (problem.status() == 404 || problem.title().equals("ValidationException"))) {
                keySchemas.forget(caller.requester().region(), table.stringValue());
            }
        });
    }

    private Mono<JsonNode> send(RestCaller caller, String operation, ObjectNode request) {
        String target = AwsJsonProtocol.DYNAMODB_PREFIX + operation;
        Route route = routes.routeOf(target).orElseThrow();
        byte[] body = Json.write(request);
        Requester requester = caller.requester();
        return accessPolicies.authorize(requester, operation, body, caller.overTls())
                .then(Mono.defer(() -> forwarder.forward(route, RequestContext.of(requester.region()), target, body)))
                .onErrorMap(DynamoDbException.class, Problems::fromDynamoDb)
                .map(answer -> {
                    if (answer.status() != 200) {
                        throw Problems.fromDynamoDb(answer.status(), answer.body());
                    }
                    return Json.read(answer.body());
                });
    }

    /**
     * The table's key schema (briefly cached); a missing table is DynamoDB's ResourceNotFoundException,
     * worded as DynamoDB words it for an item operation on one.
     */
    Mono<KeySchema> keySchemaOf(RestCaller caller, String table) {
        return keySchemas.describedTable(caller.requester().region(), table)
                .onErrorMap(DynamoDbException.class, Problems::fromDynamoDb)
                .map(found -> found.map(KeySchema::of).orElseThrow(() -> Problems.fromDynamoDb(
                        DynamoDbException.resourceNotFound("Requested resource not found"))));
    }

    /** Absent when the answer has no such member (e.g. GetItem of a missing item has no Item). */
    static Optional<JsonNode> member(JsonNode answer, String name) {
        JsonNode value = answer.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }
}
