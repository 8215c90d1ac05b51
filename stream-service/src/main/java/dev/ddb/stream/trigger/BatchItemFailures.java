package dev.ddb.stream.trigger;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * A partial batch response, {@code {"batchItemFailures": [{"itemIdentifier": "<SequenceNumber>"}]}}.
 * As Lambda: no body, an empty body, no or an empty list: all succeeded; an entry whose identifier is
 * null or empty, or a body that is not such JSON: the whole batch failed (answered as null here).
 */
final class BatchItemFailures {

    private BatchItemFailures() {
    }

    static List<String> parse(byte[] body) {
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return List.of();
        }
        JsonNode node;
        try {
            node = Json.read(body);
        } catch (RuntimeException e) {
            return null;
        }
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isObject()) {
            return null;
        }
        JsonNode failures = node.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return List.of();
        }
        if (!failures.isArray()) {
            return null;
        }
        List<String> identifiers = new ArrayList<>();
        for (JsonNode failure : failures) {
            JsonNode identifier = failure.get("itemIdentifier");
            if (identifier == null || !identifier.isString() || identifier.stringValue().isEmpty()) {
                return null;
            }
            identifiers.add(identifier.stringValue());
        }
        return identifiers;
    }
}
