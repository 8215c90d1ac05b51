package dev.ddb.item.partiql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A SELECT's NextToken, as opaque text: which of its reads goes on (a SELECT of a partition key
 * IN a list is a Query per value), and the LastEvaluatedKey that read stopped at, if any.
 */
record NextTokens(int read, JsonNode startKey) {

    static final NextTokens FIRST = new NextTokens(0, null);

    String text() {
        ObjectNode token = Json.object().put("Read", read);
        if (startKey != null) {
            token.set("Key", startKey);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(token));
    }

    /** The place a NextToken stands for, among a SELECT's {@code reads} reads. */
    static NextTokens of(String nextToken, int reads) {
        try {
            JsonNode token = Json.read(Base64.getUrlDecoder().decode(nextToken.getBytes(StandardCharsets.US_ASCII)));
            if (token != null && token.path("Read").isInt() && token.get("Read").intValue() >= 0
                    && token.get("Read").intValue() < reads && (!token.has("Key") || token.get("Key").isObject())) {
                if (token.has("Key")) {
                    AttributeValueJson.readItem(token.get("Key")); // a key's attributes, or no token of ours
                }
                return new NextTokens(token.get("Read").intValue(), token.get("Key"));
            }
        } catch (RuntimeException e) {
            // not a token of ours: the same answer as any other
        }
        throw DynamoDbException.validation("Invalid NextToken");
    }
}
