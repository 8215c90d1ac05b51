package dev.ddb.gateway.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.json.Json;

/**
 * The opaque {@code next} token: DynamoDB's LastEvaluatedKey (or ListTables' last table name),
 * base64url without padding so that it goes into a query string as it is. The item service
 * validates the key it holds as it validates every ExclusiveStartKey.
 */
final class PagingToken {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private PagingToken() {
    }

    static String ofKey(JsonNode lastEvaluatedKey) {
        return ENCODER.encodeToString(Json.write(lastEvaluatedKey));
    }

    static ObjectNode keyOf(String token) {
        JsonNode key;
        try {
            key = Json.read(Base64.getUrlDecoder().decode(token));
        } catch (RuntimeException notOurs) {
            throw notATokenOfOurs();
        }
        if (key == null || !key.isObject()) {
            throw notATokenOfOurs();
        }
        return (ObjectNode) key;
    }

    static String ofTableName(String tableName) {
        return ENCODER.encodeToString(tableName.getBytes(StandardCharsets.UTF_8));
    }

    static String tableNameOf(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notOurs) {
            throw notATokenOfOurs();
        }
    }

    private static RestProblem notATokenOfOurs() {
        return RestProblem.badRequest("The next token is not one this API gave out");
    }
}
