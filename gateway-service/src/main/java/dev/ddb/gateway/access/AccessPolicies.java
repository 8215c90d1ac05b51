package dev.ddb.gateway.access;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import tools.jackson.databind.JsonNode;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.gateway.access.policy.Decision;
import dev.ddb.gateway.access.policy.EvaluationContext;
import dev.ddb.gateway.access.policy.PolicySet;
import dev.ddb.gateway.access.request.AccessCheck;
import dev.ddb.gateway.access.request.DynamoDbArns;
import dev.ddb.gateway.access.request.KeySchemas;
import dev.ddb.gateway.access.request.OperationChecks;
import dev.ddb.gateway.access.request.TableKeys;
import dev.ddb.gateway.auth.Principal;
import dev.ddb.gateway.auth.Requester;

/**
 * Decides whether the requester's policies allow a request, before it reaches the owning service.
 * A request without a verified principal ({@code open} mode) is not checked. Every check a request
 * needs (one per batch or transaction entry) must be allowed before anything is forwarded; the
 * first one denied is the AccessDeniedException, naming the principal, the action and the resource
 * as DynamoDB does.
 */
@Component
public class AccessPolicies {

    /** Operations after which a table's key schema may have changed. */
    private static final Set<String> NEW_KEY_SCHEMA = Set.of("CreateTable", "DeleteTable", "RestoreTableFromBackup",
            "RestoreTableToPointInTime", "ImportTable");

    /** Operations whose checks are not just dynamodb:<Operation> (transaction entries, PartiQL verbs). */
    private static final Set<String> ACTIONS_FROM_THE_BODY = Set.of("TransactWriteItems", "TransactGetItems",
            "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction");

    /** Stands for "no policy names dynamodb:LeadingKeys" (a Mono cannot carry null). */
    private static final KeySchemas NO_LEADING_KEYS = table -> Optional.empty();

    private final PrincipalPolicies policies;
    private final KeySchemaCache keySchemas;
    private final Clock clock;

    @Autowired
    AccessPolicies(PrincipalPolicies policies, KeySchemaCache keySchemas) {
        this(policies, keySchemas, Clock.systemUTC());
    }

    AccessPolicies(PrincipalPolicies policies, KeySchemaCache keySchemas, Clock clock) {
        this.policies = policies;
        this.keySchemas = keySchemas;
        this.clock = clock;
    }

    /**
     * @param operation       the DynamoDB or DynamoDB Streams operation, e.g. {@code GetItem}
     * @param body            the request's JSON body as received
     * @param secureTransport whether it came over TLS ({@code aws:SecureTransport})
     * @return empty when allowed; AccessDeniedException when the policies do not allow it
     */
    public Mono<Void> authorize(Requester requester, String operation, byte[] body, boolean secureTransport) {
        Principal principal = requester.principal();
        if (principal == null) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            PolicySet set = policies.of(principal);
            EvaluationContext base = GlobalConditionKeys.of(principal, requester.region(), secureTransport,
                    clock.instant());
            if (allowedWithoutTheBody(set, operation, base)) {
                return Mono.empty();
            }
            JsonNode request;
            try {
                // The services' own parser, so both read the same request (e.g. the last of duplicate members).
                request = Json.parseRequest(body);
            } catch (DynamoDbException notJson) {
                // Nothing can be done with it: the owning service answers its SerializationException.
                return Mono.empty();
            }
            DynamoDbArns arns = new DynamoDbArns(requester.region(), principal.accountId());
            Mono<KeySchemas> schemas = set.conditionsName("dynamodb:LeadingKeys")
                    ? lookUp(requester.region(), OperationChecks.tablesWithLeadingKeys(operation, request))
                    : Mono.just(NO_LEADING_KEYS);
            return schemas.flatMap(found -> {
                KeySchemas lookup = found == NO_LEADING_KEYS ? null : found;
                check(principal, set, OperationChecks.of(operation, request, arns, lookup, base));
                if (NEW_KEY_SCHEMA.contains(operation)) {
                    forgetTargetTable(requester.region(), request);
                }
                return Mono.<Void>empty();
            });
        });
    }

    /**
     * One action on one resource outside DynamoDB's API (e.g. {@code events:PutRule} on a rule's ARN):
     * only the global condition keys apply.
     *
     * @throws DynamoDbException AccessDeniedException when the policies do not allow it
     */
    public void authorizeAction(Requester requester, String action, String resource, boolean secureTransport) {
        Principal principal = requester.principal();
        if (principal == null) {
            return;
        }
        EvaluationContext context = GlobalConditionKeys.of(principal, requester.region(), secureTransport, clock.instant());
        AccessCheck check = new AccessCheck(action, resource, context);
        Decision decision = policies.of(principal).evaluate(action, resource, context);
        if (decision != Decision.ALLOW) {
            throw AccessDenied.of(principal, check, decision);
        }
    }

    /**
     * The fast path: policies that do not depend on the body allow the operation. A denial takes the
     * full path, which names the resource in its message; so do operations after which a cached key
     * schema must be dropped.
     */
    private static boolean allowedWithoutTheBody(PolicySet set, String operation, EvaluationContext base) {
        return set.decidedByActionAlone() && !ACTIONS_FROM_THE_BODY.contains(operation)
                && !NEW_KEY_SCHEMA.contains(operation)
                && set.evaluate("dynamodb:" + operation, "*", base) == Decision.ALLOW;
    }

    private Mono<KeySchemas> lookUp(String region, Set<String> tables) {
        return Flux.fromIterable(tables)
                .flatMap(table -> keySchemas.keysOf(region, table).map(keys -> Map.entry(table, keys)))
                .collect(HashMap<String, Optional<TableKeys>>::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()))
                .map(found -> table -> found.getOrDefault(table, Optional.empty()));
    }

    private static void check(Principal principal, PolicySet set, List<AccessCheck> checks) {
        for (AccessCheck check : checks) {
            Decision decision = set.evaluate(check.action(), check.resource(), check.context());
            if (decision != Decision.ALLOW) {
                throw AccessDenied.of(principal, check, decision);
            }
        }
    }

    private void forgetTargetTable(String region, JsonNode request) {
        for (String field : new String[] {"TableName", "TargetTableName"}) {
            JsonNode name = request.get(field);
            if (name != null && name.isString()) {
                keySchemas.forget(region, DynamoDbArns.tableName(name.stringValue()));
            }
        }
        JsonNode imported = request.path("TableCreationParameters").get("TableName");
        if (imported != null && imported.isString()) {
            keySchemas.forget(region, imported.stringValue());
        }
    }
}
