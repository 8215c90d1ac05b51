package dev.ddb.gateway.events;

import java.util.Set;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The IAM action and resource an EventBridge request is checked for: {@code events:<Operation>} on the
 * rule's ARN {@code arn:aws:events:<region>:<account>:rule/<name>} (the request's {@code Name} or
 * {@code Rule}), on {@code arn:aws:events:<region>:<account>:rule/*} for ListRules, and on {@code *} for
 * TestEventPattern, which touches no resource.
 */
final class EventsActions {

    record Check(String action, String resource) {
    }

    private static final Set<String> NAMED_BY_RULE = Set.of("PutTargets", "RemoveTargets", "ListTargetsByRule");

    private EventsActions() {
    }

    static Check of(String operation, byte[] body, String region, String accountId) {
        String action = "events:" + operation;
        String rules = "arn:aws:events:" + region + ":" + accountId + ":rule/";
        if (operation.equals("TestEventPattern")) {
            return new Check(action, "*");
        }
        String member = NAMED_BY_RULE.contains(operation) ? "Rule" : "Name";
        String name = null;
        try {
            JsonNode request = body.length == 0 ? null : Json.MAPPER.readTree(body);
            JsonNode value = request == null ? null : request.get(member);
            name = value != null && value.isString() ? value.stringValue() : null;
        } catch (RuntimeException notJson) {
            // stream-service answers its SerializationException
        }
        return new Check(action, rules + (name == null ? "*" : name));
    }
}
