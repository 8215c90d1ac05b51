package dev.ddb.item.partiql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;

/** A SELECT's NextToken: the LastEvaluatedKey of the Query or Scan it ran, as opaque text. */
final class NextTokens {

    private NextTokens() {
    }

    static String of(JsonNode lastEvaluatedKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(lastEvaluatedKey));
    }

    /** The ExclusiveStartKey a NextToken stands for. */
    static JsonNode startKey(String nextToken) {
        try {
            JsonNode key = Json.read(Base64.getUrlDecoder().decode(nextToken.getBytes(StandardCharsets.US_ASCII)));
            if (key != null && key.isObject()) {
                AttributeValueJson.readItem(key); // a key's attributes, or no token of ours
                return key;
            }
        } catch (RuntimeException e) {
            // not a token of ours: the same answer as any other
        }
        throw DynamoDbException.validation("Invalid NextToken");
    }
}
