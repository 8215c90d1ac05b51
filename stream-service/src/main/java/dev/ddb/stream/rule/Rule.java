package dev.ddb.stream.rule;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An EventBridge rule over the change events of the region's tables (on the {@code default} event bus,
 * the only one): its pattern, state and targets. {@code enabledMillis} is when it was last enabled
 * (or created enabled): it sees the changes published from then on, never those of a time it was disabled.
 */
public record Rule(String region, String name, String eventPattern, String state, String description,
                   long createdMillis, long enabledMillis, List<RuleTarget> targets) {

    public static final String DEFAULT_BUS = "default";
    public static final String ENABLED = "ENABLED";
    public static final String DISABLED = "DISABLED";

    public Rule {
        targets = List.copyOf(targets);
    }

    public boolean enabled() {
        return !DISABLED.equals(state);
    }

    public String arn(String accountId) {
        return "arn:aws:events:" + region + ":" + accountId + ":rule/" + name;
    }

    /** The rule's own Kafka consumer group: its committed offsets are its progress. */
    public String consumerGroup() {
        return "ddb-rule-" + region + "-" + name;
    }

    public Rule withState(String newState, long nowMillis) {
        boolean enabling = !enabled() && !DISABLED.equals(newState);
        return new Rule(region, name, eventPattern, newState, description, createdMillis,
                enabling ? nowMillis : enabledMillis, targets);
    }

    public Rule withTargets(List<RuleTarget> newTargets) {
        return new Rule(region, name, eventPattern, state, description, createdMillis, enabledMillis, newTargets);
    }

    /** The rule as DescribeRule and ListRules show it. */
    public ObjectNode toApi(String accountId) {
        ObjectNode rule = Json.object().put("Name", name).put("Arn", arn(accountId)).put("EventPattern", eventPattern)
                .put("State", state);
        if (description != null) {
            rule.put("Description", description);
        }
        rule.put("EventBusName", DEFAULT_BUS);
        return rule;
    }

    public byte[] toStored() {
        ObjectNode node = Json.object().put("Region", region).put("Name", name).put("EventPattern", eventPattern)
                .put("State", state).put("CreatedMillis", createdMillis).put("EnabledMillis", enabledMillis);
        if (description != null) {
            node.put("Description", description);
        }
        ArrayNode stored = node.putArray("Targets");
        targets.forEach(target -> stored.add(target.toApi()));
        return Json.write(node);
    }

    public static Rule fromStored(byte[] bytes) {
        JsonNode node = Json.read(bytes);
        List<RuleTarget> targets = new ArrayList<>();
        node.path("Targets").forEach(target -> targets.add(RuleTarget.fromApi(target)));
        return new Rule(node.get("Region").stringValue(), node.get("Name").stringValue(),
                node.get("EventPattern").stringValue(), node.get("State").stringValue(),
                node.path("Description").stringValue(null), node.get("CreatedMillis").longValue(),
                node.get("EnabledMillis").longValue(), targets);
    }
}
