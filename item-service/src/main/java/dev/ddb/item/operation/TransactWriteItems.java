package dev.ddb.item.operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.ItemSize;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.capacity.CapacityLimits;
import dev.ddb.item.capacity.CapacityUse;
import dev.ddb.item.capacity.ConsumedCapacity;
import dev.ddb.item.capacity.ReturnConsumedCapacity;
import dev.ddb.item.capacity.Throttle;
import dev.ddb.item.capacity.WriteCapacity;
import dev.ddb.item.key.KeySchemaMismatch;
import dev.ddb.item.request.RequestParameters;
import dev.ddb.item.storage.ClientRequestToken;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.transaction.CancellationReasons;
import dev.ddb.item.transaction.ClientRequestTokens;
import dev.ddb.item.transaction.RequestDigest;
import dev.ddb.item.write.Write;
import dev.ddb.item.write.WriteOutcome;
import dev.ddb.item.write.WritePath;
import dev.ddb.item.write.WriteSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TransactWriteItems: up to 100 Puts, Updates, Deletes and ConditionChecks over several tables,
 * all applied or none. The whole request is checked before any table is looked up, then every
 * table and key; the actions are then one all-or-nothing write set of the write path (its items
 * locked in one order, every condition checked, everything applied in one commit, so the
 * transaction is serializable with every other write). A failed action cancels the transaction
 * with one reason per action. A ClientRequestToken used within 10 minutes answers a retry without
 * writing again; the token is stored in the commit of the writes.
 */
public final class TransactWriteItems implements Operation {

    static final int MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

    private final ItemStore store;
    private final WritePath writes;
    private final ClientRequestTokens tokens;

    private final CapacityLimits limits;

    public TransactWriteItems(ItemStore store, WritePath writes, ClientRequestTokens tokens, CapacityLimits limits) {
        this.store = store;
        this.writes = writes;
        this.tokens = tokens;
        this.limits = limits;
    }

    /** An action with its table and encoded key. */
    private record ResolvedAction(TransactWriteAction action, TableDescription table, byte[] key) {
    }

    @Override
    public JsonNode invoke(RequestContext context, ObjectNode request) {
        // Presence and the 1..100 length of TransactItems are the API model's constraints, checked already.
        JsonNode transactItems = request.get("TransactItems");
        List<TransactWriteAction> actions = new ArrayList<>();
        long bytes = 0;
        for (JsonNode transactItem : transactItems) {
            TransactWriteAction action = TransactWriteAction.read(transactItem);
            bytes += action.bytes();
            actions.add(action);
        }
        if (bytes > MAX_TRANSACTION_BYTES) {
            throw DynamoDbException.validation("Transaction request size has exceeded the maximum allowed size");
        }
        ReturnConsumedCapacity capacity = ReturnConsumedCapacity.of(request);
        boolean collectionMetrics = ItemCollectionMetrics.wanted(request);
        String token = RequestParameters.optionalString(request, "ClientRequestToken");
        List<ResolvedAction> resolved = resolve(context, actions);
        throttled(resolved);

        try (ClientRequestTokens.Held held = tokens.lock(token)) {
            byte[] digest = token == null ? null : RequestDigest.of(transactItems);
            ClientRequestToken used = tokens.recent(token);
            if (used != null) {
                if (!Arrays.equals(used.requestDigest(), digest)) {
                    throw DynamoDbException.idempotentParameterMismatch(
                            "The request uses the same client token as a previous, but non-identical request.");
                }
                return retried(resolved, capacity, collectionMetrics);
            }
            List<Write> set = new ArrayList<>(resolved.size());
            resolved.forEach(action -> set.add(new Write(action.table(), action.key(), action.action().itemUpdate())));
            List<WriteOutcome> outcomes = writes.apply(WriteSet.transaction(set, tokens.use(token, digest)));
            for (WriteOutcome outcome : outcomes) {
                if (outcome.failed()) {
                    throw CancellationReasons.of(outcomes);
                }
            }
            return response(resolved, outcomes, capacity, collectionMetrics);
        }
    }

    /**
     * Cancels the transaction, before anything is written, when one of its tables or their global
     * indexes is out of write capacity: the actions on such a table say why, the others None.
     */
    private void throttled(List<ResolvedAction> actions) {
        Map<String, Throttle> throttles = new HashMap<>();
        boolean any = false;
        for (ResolvedAction action : actions) {
            String tableName = action.table().tableName();
            if (!throttles.containsKey(tableName)) {
                Throttle throttle = limits.writeThrottle(action.table()).orElse(null);
                throttles.put(tableName, throttle);
                any |= throttle != null;
            }
        }
        if (any) {
            throw CancellationReasons.throttled(actions.stream().map(action -> throttles.get(action.table().tableName())).toList());
        }
    }

    /**
     * Every table and key, before anything is locked; no two actions on one item. A key that does not
     * fit its table's schema cancels the transaction with a ValidationError reason for its action, as
     * DynamoDB does, once every action is resolved.
     */
    private List<ResolvedAction> resolve(RequestContext context, List<TransactWriteAction> actions) {
        Map<String, TableDescription> tables = new LinkedHashMap<>();
        Set<String> items = new HashSet<>();
        List<ResolvedAction> resolved = new ArrayList<>();
        List<DynamoDbException> mismatches = new ArrayList<>();
        for (TransactWriteAction action : actions) {
            TableDescription table = tables.computeIfAbsent(action.tableName(), name -> Tables.require(store, context, name));
            byte[] key;
            try {
                key = action.encodedKey(table);
            } catch (KeySchemaMismatch e) {
                mismatches.add(e);
                continue;
            }
            mismatches.add(null);
            if (!items.add(table.tableName() + '/' + Base64.getEncoder().encodeToString(key))) {
                throw DynamoDbException.validation("Transaction request cannot include multiple operations on one item");
            }
            resolved.add(new ResolvedAction(action, table, key));
        }
        if (resolved.size() < actions.size()) {
            throw CancellationReasons.failed(mismatches);
        }
        return resolved;
    }

    private ObjectNode response(List<ResolvedAction> actions, List<WriteOutcome> outcomes, ReturnConsumedCapacity capacity,
                                boolean collectionMetrics) {
        Map<String, CapacityUse> units = new LinkedHashMap<>();
        for (WriteOutcome outcome : outcomes) {
            // A transactional write costs two writes (prepare and commit in DynamoDB).
            CapacityUse use = WriteCapacity.of(outcome.written()).times(2);
            units.merge(use.tableName(), use, CapacityUse::plus);
        }
        Map<String, TableDescription> tables = new LinkedHashMap<>();
        actions.forEach(action -> tables.putIfAbsent(action.table().tableName(), action.table()));
        units.forEach((tableName, use) -> limits.charge(tables.get(tableName), use, true));
        ObjectNode response = Json.object();
        report(response, units, capacity);
        if (collectionMetrics) {
            response.set("ItemCollectionMetrics", collectionMetrics(actions));
        }
        return response;
    }

    /**
     * The answer to a retry with a token already used: nothing is written; its ConsumedCapacity is
     * that of reading the items, as DynamoDB reports for such a retry.
     */
    private ObjectNode retried(List<ResolvedAction> actions, ReturnConsumedCapacity capacity, boolean collectionMetrics) {
        Map<String, CapacityUse> units = new LinkedHashMap<>();
        for (ResolvedAction action : actions) {
            Map<String, AttributeValue> item = store.get(action.table(), action.key());
            double read = ConsumedCapacity.readUnits(item == null ? 0 : ItemSize.of(item), true);
            units.merge(action.table().tableName(), CapacityUse.ofTable(action.table().tableName(), read), CapacityUse::plus);
        }
        ObjectNode response = Json.object();
        report(response, units, capacity);
        if (collectionMetrics) {
            response.set("ItemCollectionMetrics", collectionMetrics(actions));
        }
        return response;
    }

    private static void report(ObjectNode response, Map<String, CapacityUse> units, ReturnConsumedCapacity capacity) {
        if (capacity.wanted()) {
            ArrayNode consumed = response.putArray("ConsumedCapacity");
            units.values().forEach(use -> consumed.add(ConsumedCapacity.of(capacity, use)));
        }
    }

    private ObjectNode collectionMetrics(List<ResolvedAction> actions) {
        ObjectNode collections = Json.object();
        for (ResolvedAction action : actions) {
            ObjectNode metrics = ItemCollectionMetrics.of(store, action.table(), action.action().keyAttributes(action.table()));
            if (metrics != null) {
                JsonNode list = collections.get(action.table().tableName());
                (list == null ? collections.putArray(action.table().tableName()) : (ArrayNode) list).add(metrics);
            }
        }
        return collections;
    }
}
