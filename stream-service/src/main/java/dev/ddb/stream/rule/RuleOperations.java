package dev.ddb.stream.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import dev.ddb.common.json.Json;
import dev.ddb.stream.pattern.EventPattern;
import dev.ddb.stream.pattern.InvalidPatternException;
import dev.ddb.stream.trigger.Functions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The subset of Amazon EventBridge's API that manages rules over table change events: PutRule,
 * DescribeRule, ListRules, DeleteRule, EnableRule, DisableRule, PutTargets, RemoveTargets,
 * ListTargetsByRule, ListRuleNamesByTarget and TestEventPattern, on the {@code default} event bus of each region. Event patterns
 * only (no ScheduleExpression).
 */
@Service
public class RuleOperations {

    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final int MAX_TARGETS = 5;
    private static final List<String> STATES = List.of("ENABLED", "DISABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");

    private final RuleStore store;
    private final RuleRunners runners;
    private final Functions functions;

    public RuleOperations(RuleStore store, RuleRunners runners, Functions functions) {
        this.store = store;
        this.runners = runners;
        this.functions = functions;
    }

    /** @throws EventsException for an operation this subset does not have, and for each of the operations' errors */
    public ObjectNode invoke(String region, String operation, ObjectNode request) {
        return switch (operation) {
            case "PutRule" -> putRule(region, request);
            case "DescribeRule" -> describeRule(region, request);
            case "ListRules" -> listRules(region, request);
            case "DeleteRule" -> deleteRule(region, request);
            case "EnableRule" -> setState(region, request, Rule.ENABLED);
            case "DisableRule" -> setState(region, request, Rule.DISABLED);
            case "PutTargets" -> putTargets(region, request);
            case "RemoveTargets" -> removeTargets(region, request);
            case "ListTargetsByRule" -> listTargets(region, request);
            case "ListRuleNamesByTarget" -> listRuleNamesByTarget(region, request);
            case "TestEventPattern" -> testEventPattern(request);
            default -> throw new EventsException(400, "UnknownOperationException",
                    "Operation " + operation + " is not supported here: only rules over table change events are");
        };
    }

    private synchronized ObjectNode putRule(String region, ObjectNode request) {
        String name = name(request, "Name", "name");
        bus(region, request);
        if (text(request, "ScheduleExpression") != null) {
            throw EventsException.validation("ScheduleExpression is not supported: rules here match table change events.");
        }
        String eventPattern = text(request, "EventPattern");
        if (eventPattern == null) {
            throw EventsException.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        checkPattern(eventPattern);
        String state = text(request, "State");
        if (state == null) {
            state = Rule.ENABLED;
        } else if (!STATES.contains(state)) {
            throw EventsException.validation("1 validation error detected: Value '" + state
                    + "' at 'state' failed to satisfy constraint: Member must satisfy enum value set: " + STATES);
        }
        String description = text(request, "Description");
        if (description != null && description.length() > 512) {
            throw EventsException.validation("1 validation error detected: Value at 'description' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 512");
        }
        long now = System.currentTimeMillis();
        Rule rule = store.find(region, name)
                .map(existing -> new Rule(region, name, eventPattern, existing.state(), description,
                        existing.createdMillis(), existing.enabledMillis(), existing.targets()))
                .orElse(new Rule(region, name, eventPattern, Rule.DISABLED, description, now, now, List.of()))
                .withState(state, now);
        store.save(rule);
        runners.apply(rule);
        return Json.object().put("RuleArn", rule.arn(functions.accountId()));
    }

    private ObjectNode describeRule(String region, ObjectNode request) {
        Rule rule = find(region, request, "Name", "name");
        return rule.toApi(functions.accountId()).put("CreatedBy", functions.accountId());
    }

    private ObjectNode listRules(String region, ObjectNode request) {
        bus(region, request);
        String prefix = text(request, "NamePrefix");
        List<Rule> rules = store.inRegion(region).stream()
                .filter(rule -> prefix == null || rule.name().startsWith(prefix)).toList();
        ObjectNode answer = Json.object();
        ArrayNode page = answer.putArray("Rules");
        pageOf(rules, request, answer).forEach(rule -> page.add(rule.toApi(functions.accountId())));
        return answer;
    }

    /** As EventBridge: deleting a rule that does not exist succeeds; one with targets must lose them first. */
    private synchronized ObjectNode deleteRule(String region, ObjectNode request) {
        String name = name(request, "Name", "name");
        bus(region, request);
        store.find(region, name).ifPresent(rule -> {
            if (!rule.targets().isEmpty()) {
                throw EventsException.validation("Rule can't be deleted since it has targets.");
            }
            runners.remove(rule);
            store.delete(rule);
        });
        return Json.object();
    }

    private synchronized ObjectNode setState(String region, ObjectNode request, String state) {
        Rule rule = find(region, request, "Name", "name");
        Rule changed = rule.withState(state, System.currentTimeMillis());
        store.save(changed);
        runners.apply(changed);
        return Json.object();
    }

    private synchronized ObjectNode putTargets(String region, ObjectNode request) {
        Rule rule = find(region, request, "Rule", "rule");
        JsonNode targets = request.get("Targets");
        if (targets == null || !targets.isArray() || targets.isEmpty() || targets.size() > 10) {
            throw EventsException.validation("1 validation error detected: Value at 'targets' failed to satisfy "
                    + "constraint: Member must have length between 1 and 10");
        }
        Map<String, RuleTarget> byId = new LinkedHashMap<>();
        rule.targets().forEach(target -> byId.put(target.id(), target));
        for (JsonNode target : targets) {
            RuleTarget parsed = target(region, target);
            byId.put(parsed.id(), parsed);
        }
        if (byId.size() > MAX_TARGETS) {
            throw new EventsException(400, "LimitExceededException",
                    "The requested resource exceeds the maximum number allowed.");
        }
        Rule changed = rule.withTargets(new ArrayList<>(byId.values()));
        store.save(changed);
        runners.apply(changed);
        return Json.object().put("FailedEntryCount", 0).set("FailedEntries", Json.array());
    }

    private RuleTarget target(String region, JsonNode target) {
        if (!target.isObject()) {
            throw EventsException.serialization("Targets must list objects");
        }
        String id = name((ObjectNode) target, "Id", "id");
        String arn = text((ObjectNode) target, "Arn");
        if (arn == null) {
            throw EventsException.validation("1 validation error detected: Value null at 'targets.1.member.arn' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        TargetArns.resolve(arn, region, functions);
        String input = text((ObjectNode) target, "Input");
        if (input != null) {
            try {
                Json.MAPPER.readTree(input);
            } catch (RuntimeException e) {
                throw EventsException.validation("Target " + id + ": Input is not valid JSON.");
            }
        }
        String inputPath = text((ObjectNode) target, "InputPath");
        if (inputPath != null) {
            if (input != null) {
                throw EventsException.validation("Target " + id + ": only one of Input, InputPath may be set.");
            }
            TargetInput.checkPath(inputPath);
        }
        if (target.has("InputTransformer")) {
            throw EventsException.validation("Target " + id + ": InputTransformer is not supported; use Input or InputPath.");
        }
        JsonNode retry = target.path("RetryPolicy");
        int attempts = retry.path("MaximumRetryAttempts").asInt(RuleTarget.DEFAULT_RETRY_ATTEMPTS);
        int age = retry.path("MaximumEventAgeInSeconds").asInt(RuleTarget.DEFAULT_EVENT_AGE_SECONDS);
        if (attempts < 0 || attempts > 185 || age < 60 || age > 86_400) {
            throw EventsException.validation("RetryPolicy: MaximumRetryAttempts must be 0 to 185 and "
                    + "MaximumEventAgeInSeconds 60 to 86400.");
        }
        return new RuleTarget(id, arn, input, inputPath, attempts, age);
    }

    private synchronized ObjectNode removeTargets(String region, ObjectNode request) {
        Rule rule = find(region, request, "Rule", "rule");
        JsonNode ids = request.get("Ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw EventsException.validation("1 validation error detected: Value at 'ids' failed to satisfy "
                    + "constraint: Member must have length between 1 and 100");
        }
        List<String> remove = new ArrayList<>();
        ids.forEach(id -> remove.add(id.stringValue("")));
        List<RuleTarget> kept = rule.targets().stream().filter(target -> !remove.contains(target.id())).toList();
        Rule changed = rule.withTargets(kept);
        store.save(changed);
        runners.apply(changed);
        return Json.object().put("FailedEntryCount", 0).set("FailedEntries", Json.array());
    }

    private ObjectNode listTargets(String region, ObjectNode request) {
        Rule rule = find(region, request, "Rule", "rule");
        ObjectNode answer = Json.object();
        ArrayNode page = answer.putArray("Targets");
        pageOf(rule.targets(), request, answer).forEach(target -> page.add(target.toApi()));
        return answer;
    }

    private ObjectNode listRuleNamesByTarget(String region, ObjectNode request) {
        bus(region, request);
        String arn = text(request, "TargetArn");
        if (arn == null) {
            throw EventsException.validation("1 validation error detected: Value null at 'targetArn' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        List<String> names = store.inRegion(region).stream()
                .filter(rule -> rule.targets().stream().anyMatch(target -> target.arn().equals(arn)))
                .map(Rule::name).toList();
        ObjectNode answer = Json.object();
        ArrayNode page = answer.putArray("RuleNames");
        pageOf(names, request, answer).forEach(page::add);
        return answer;
    }

    private ObjectNode testEventPattern(ObjectNode request) {
        String eventPattern = text(request, "EventPattern");
        String event = text(request, "Event");
        if (eventPattern == null || event == null) {
            throw EventsException.validation("1 validation error detected: Value null at '"
                    + (eventPattern == null ? "eventPattern" : "event") + "' failed to satisfy constraint: Member must not be null");
        }
        EventPattern pattern = checkPattern(eventPattern);
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(event);
        } catch (RuntimeException e) {
            throw EventsException.validation("Parameter Event is not valid.");
        }
        if (!parsed.isObject()) {
            throw EventsException.validation("Parameter Event is not valid.");
        }
        return Json.object().put("Result", pattern.matches(parsed));
    }

    private static EventPattern checkPattern(String eventPattern) {
        try {
            return EventPattern.parse(eventPattern);
        } catch (InvalidPatternException e) {
            throw EventsException.invalidEventPattern(e.getMessage());
        }
    }

    private Rule find(String region, ObjectNode request, String member, String memberPath) {
        String name = name(request, member, memberPath);
        bus(region, request);
        return store.find(region, name).orElseThrow(() -> EventsException.resourceNotFound(
                "Rule " + name + " does not exist on EventBus " + Rule.DEFAULT_BUS + "."));
    }

    /** Only the default bus exists, named "default" or by its ARN. */
    private void bus(String region, ObjectNode request) {
        String bus = text(request, "EventBusName");
        String defaultArn = "arn:aws:events:" + region + ":" + functions.accountId() + ":event-bus/" + Rule.DEFAULT_BUS;
        if (bus != null && !bus.equals(Rule.DEFAULT_BUS) && !bus.equals(defaultArn)) {
            String name = bus.startsWith("arn:") ? bus.substring(bus.lastIndexOf('/') + 1) : bus;
            throw EventsException.resourceNotFound("Event bus " + name + " does not exist.");
        }
    }

    private static String name(ObjectNode request, String member, String memberPath) {
        String name = text(request, member);
        if (name == null) {
            throw EventsException.validation("1 validation error detected: Value null at '" + memberPath
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (!NAME.matcher(name).matches()) {
            throw EventsException.validation("1 validation error detected: Value '" + name + "' at '" + memberPath
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        }
        return name;
    }

    private static String text(ObjectNode request, String member) {
        JsonNode value = request.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw EventsException.serialization("Unexpected value for " + member + ": it must be a string");
        }
        return value.stringValue();
    }

    /** Limit (1 to 100) and NextToken (where the previous page ended). */
    private static <T> List<T> pageOf(List<T> all, ObjectNode request, ObjectNode answer) {
        int limit = 100;
        JsonNode limitNode = request.get("Limit");
        if (limitNode != null && !limitNode.isNull()) {
            if (!limitNode.isInt() || limitNode.intValue() < 1 || limitNode.intValue() > 100) {
                throw EventsException.validation("1 validation error detected: Value '" + limitNode
                        + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100");
            }
            limit = limitNode.intValue();
        }
        int start = 0;
        String token = text(request, "NextToken");
        if (token != null) {
            try {
                start = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw EventsException.validation("The NextToken is not valid.");
            }
        }
        int end = Math.min(all.size(), start + limit);
        if (end < all.size()) {
            answer.put("NextToken", Integer.toString(end));
        }
        return start >= all.size() ? List.of() : all.subList(start, end);
    }
}
