package dev.ddb.stream.rule;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One target of a rule, as PutTargets sets it: where matching events go ({@link TargetArns} says which
 * forms the Arn takes) and how: the whole event, a constant {@code Input} or the part {@code InputPath}
 * selects; retried for up to {@code maximumRetryAttempts} retries and {@code maximumEventAgeInSeconds}
 * (EventBridge's RetryPolicy, defaults 185 and 86400).
 */
public record RuleTarget(String id, String arn, String input, String inputPath,
                         int maximumRetryAttempts, int maximumEventAgeInSeconds) {

    public static final int DEFAULT_RETRY_ATTEMPTS = 185;
    public static final int DEFAULT_EVENT_AGE_SECONDS = 86_400;

    /** The Target shape of ListTargetsByRule. */
    public ObjectNode toApi() {
        ObjectNode target = Json.object().put("Id", id).put("Arn", arn);
        if (input != null) {
            target.put("Input", input);
        }
        if (inputPath != null) {
            target.put("InputPath", inputPath);
        }
        target.putObject("RetryPolicy").put("MaximumRetryAttempts", maximumRetryAttempts)
                .put("MaximumEventAgeInSeconds", maximumEventAgeInSeconds);
        return target;
    }

    /** Stored as the API shows it. */
    public static RuleTarget fromApi(JsonNode target) {
        JsonNode retry = target.path("RetryPolicy");
        return new RuleTarget(target.get("Id").stringValue(), target.get("Arn").stringValue(),
                target.path("Input").stringValue(null), target.path("InputPath").stringValue(null),
                retry.path("MaximumRetryAttempts").asInt(DEFAULT_RETRY_ATTEMPTS),
                retry.path("MaximumEventAgeInSeconds").asInt(DEFAULT_EVENT_AGE_SECONDS));
    }
}
