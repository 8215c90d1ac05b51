package dev.ddb.gateway.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.json.Json;

/**
 * Translates each REST call into the JSON request of the DynamoDB operation that does it, which
 * the gateway then authorizes and forwards like any DynamoDB request. Attribute names go into
 * expressions as {@code #name} placeholders, so any name works (reserved words included).
 */
final class DynamoDbRequests {

    private DynamoDbRequests() {
    }

    /** The primary key from the path's values, typed by the table's key schema. */
    static ObjectNode key(KeySchema.Keys keys, String partitionKey, String sortKey) {
        if (keys.hasSortKey() && sortKey == null) {
            throw RestProblem.badRequest("The table's key has a sort key (" + keys.sortKey()
                    + "): address an item as /items/{partitionKey}/{sortKey}");
        }
        if (!keys.hasSortKey() && sortKey != null) {
            throw RestProblem.badRequest("The table's key has no sort key: address an item as /items/{partitionKey}");
        }
        ObjectNode key = Json.object();
        key.set(keys.partitionKey(), typed(keys.partitionKeyType(), partitionKey));
        if (sortKey != null) {
            key.set(keys.sortKey(), typed(keys.sortKeyType(), sortKey));
        }
        return key;
    }

    /**
     * A key value from a path or parameter as the attribute value of its type. Binary values are
     * base64 (base64url too, which needs no percent-encoding in a path); numbers are passed as written.
     */
    static ObjectNode typed(String type, String text) {
        ObjectNode value = Json.object();
        return switch (type) {
            case "N" -> value.put("N", text);
            case "B" -> value.put("B", standardBase64(text));
            default -> value.put("S", text);
        };
    }

    static ObjectNode getItem(String table, ObjectNode key, boolean consistent) {
        ObjectNode request = Json.object().put("TableName", table);
        request.set("Key", key);
        if (consistent) {
            request.put("ConsistentRead", true);
        }
        return request;
    }

    /**
     * PutItem of a whole document: key attributes the document leaves out come from the path; ones it
     * has must be the path's. ALL_OLD tells a created item (201) from a replaced one (200).
     */
    static ObjectNode putItem(String table, KeySchema.Keys keys, ObjectNode key, ObjectNode document,
                              Precondition precondition) {
        ObjectNode item = PlainItems.toItem(document);
        for (Map.Entry<String, JsonNode> keyAttribute : key.properties()) {
            JsonNode given = item.get(keyAttribute.getKey());
            if (given != null && !sameValue(given, keyAttribute.getValue())) {
                throw RestProblem.badRequest("The document's " + keyAttribute.getKey()
                        + " is not the one in the path: a PUT cannot move an item to another key");
            }
            item.set(keyAttribute.getKey(), keyAttribute.getValue());
        }
        ObjectNode request = Json.object().put("TableName", table);
        request.set("Item", item);
        request.put("ReturnValues", "ALL_OLD");
        return condition(request, keys, precondition);
    }

    /**
     * UpdateItem from a merge patch: each top-level attribute is SET to its value, each {@code null}
     * REMOVEs the attribute; nested maps are replaced as wholes. Key attributes equal to the path's
     * are left out (they cannot be updated); others reach UpdateItem, which refuses them as
     * DynamoDB does. Without a precondition the patch creates the item, as UpdateItem does.
     */
    static ObjectNode updateItem(String table, KeySchema.Keys keys, ObjectNode key, ObjectNode patch,
                                 Precondition precondition) {
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        ObjectNode names = Json.object();
        ObjectNode values = Json.object();
        int n = 0;
        for (Map.Entry<String, JsonNode> attribute : patch.properties()) {
            String name = attribute.getKey();
            JsonNode value = attribute.getValue();
            JsonNode keyValue = key.get(name);
            if (keyValue != null && !value.isNull()
                    && sameValue(PlainItems.toAttributeValue(value, name, 0), keyValue)) {
                continue;
            }
            String placeholder = "#a" + n;
            names.put(placeholder, name);
            if (value.isNull()) {
                removes.add(placeholder);
            } else {
                values.set(":v" + n, PlainItems.toAttributeValue(value, name, 0));
                sets.add(placeholder + " = :v" + n);
            }
            n++;
        }
        ObjectNode request = Json.object().put("TableName", table);
        request.set("Key", key);
        StringBuilder update = new StringBuilder();
        if (!sets.isEmpty()) {
            update.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            update.append(update.isEmpty() ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        if (!update.isEmpty()) {
            request.put("UpdateExpression", update.toString());
            request.set("ExpressionAttributeNames", names);
            if (!values.isEmpty()) {
                request.set("ExpressionAttributeValues", values);
            }
        }
        request.put("ReturnValues", "ALL_NEW");
        return condition(request, keys, precondition);
    }

    /** DeleteItem; ALL_OLD tells a deleted item (204) from none (404). */
    static ObjectNode deleteItem(String table, KeySchema.Keys keys, ObjectNode key, Precondition precondition) {
        ObjectNode request = Json.object().put("TableName", table);
        request.set("Key", key);
        request.put("ReturnValues", "ALL_OLD");
        return condition(request, keys, precondition);
    }

    static ObjectNode query(String table, KeySchema.Keys keys, ItemQuery query) {
        ObjectNode request = Json.object().put("TableName", table);
        if (query.index() != null) {
            request.put("IndexName", query.index());
        }
        ObjectNode names = Json.object().put("#pk", keys.partitionKey());
        ObjectNode values = Json.object();
        values.set(":pk", typed(keys.partitionKeyType(), query.partitionKey()));
        String condition = "#pk = :pk";
        if (query.sortKeyOperator() != null) {
            if (!keys.hasSortKey()) {
                throw RestProblem.badRequest("A sort-key condition needs a sort key; "
                        + (query.index() == null ? "the table" : "the index " + query.index()) + " has none");
            }
            names.put("#sk", keys.sortKey());
            List<String> given = query.sortKeyValues();
            for (int i = 0; i < given.size(); i++) {
                values.set(":sk" + i, typed(keys.sortKeyType(), given.get(i)));
            }
            condition += switch (query.sortKeyOperator()) {
                case "begins_with" -> " AND begins_with(#sk, :sk0)";
                case "BETWEEN" -> " AND #sk BETWEEN :sk0 AND :sk1";
                default -> " AND #sk " + query.sortKeyOperator() + " :sk0";
            };
        }
        request.put("KeyConditionExpression", condition);
        request.set("ExpressionAttributeNames", names);
        request.set("ExpressionAttributeValues", values);
        if (query.limit() != null) {
            request.put("Limit", query.limit());
        }
        if (query.next() != null) {
            request.set("ExclusiveStartKey", PagingToken.keyOf(query.next()));
        }
        if (query.descending()) {
            request.put("ScanIndexForward", false);
        }
        if (query.consistent()) {
            request.put("ConsistentRead", true);
        }
        return request;
    }

    static ObjectNode listTables(Integer limit, String next) {
        ObjectNode request = Json.object();
        if (limit != null) {
            request.put("Limit", limit);
        }
        if (next != null) {
            request.put("ExclusiveStartTableName", PagingToken.tableNameOf(next));
        }
        return request;
    }

    static ObjectNode describeTable(String table) {
        return Json.object().put("TableName", table);
    }

    private static ObjectNode condition(ObjectNode request, KeySchema.Keys keys, Precondition precondition) {
        if (precondition.conditionExpression != null) {
            request.put("ConditionExpression", precondition.conditionExpression);
            ObjectNode names = request.has("ExpressionAttributeNames")
                    ? (ObjectNode) request.get("ExpressionAttributeNames") : request.putObject("ExpressionAttributeNames");
            names.put("#key", keys.partitionKey());
        }
        return request;
    }

    /** Whether two typed key values are the same value (numbers by value: 1.0 is 1). */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.has("N") && b.has("N")) {
            try {
                return new BigDecimal(a.get("N").stringValue()).compareTo(new BigDecimal(b.get("N").stringValue())) == 0;
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
        return a.equals(b);
    }

    private static String standardBase64(String text) {
        String standard = text.replace('-', '+').replace('_', '/');
        int padding = (4 - standard.length() % 4) % 4;
        return padding == 3 ? standard : standard + "=".repeat(padding);
    }
}
