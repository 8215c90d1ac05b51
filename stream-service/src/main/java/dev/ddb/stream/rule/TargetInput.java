package dev.ddb.stream.rule;

import java.nio.charset.StandardCharsets;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * What a target receives of a matching event, as EventBridge's target settings say: the event itself,
 * the constant {@code Input} (JSON text) instead, or the part of the event {@code InputPath} selects
 * ({@code $} or a dotted path such as {@code $.detail.newImage}; nothing when it selects nothing is sent as {@code null}).
 */
final class TargetInput {

    private TargetInput() {
    }

    static byte[] of(RuleTarget target, JsonNode event) {
        if (target.input() != null) {
            return target.input().getBytes(StandardCharsets.UTF_8);
        }
        if (target.inputPath() != null) {
            return Json.write(select(event, target.inputPath()));
        }
        return Json.write(event);
    }

    /** @throws EventsException ValidationException when the path is not {@code $} or {@code $.a.b...} */
    static void checkPath(String path) {
        if (!path.matches("\\$(\\.[^.\\s\\[\\]]+)*")) {
            throw EventsException.validation("Parameter InputPath is not valid. Reason: only $ and dotted paths "
                    + "such as $.detail.newImage are supported: " + path);
        }
    }

    static JsonNode select(JsonNode event, String path) {
        JsonNode node = event;
        for (String field : path.substring(1).split("\\.")) {
            if (field.isEmpty()) {
                continue;
            }
            node = node == null ? null : node.get(field);
        }
        return node == null ? tools.jackson.databind.node.JsonNodeFactory.instance.nullNode() : node;
    }
}
