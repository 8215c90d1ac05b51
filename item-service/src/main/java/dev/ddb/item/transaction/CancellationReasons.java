package dev.ddb.item.transaction;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.item.capacity.Throttle;
import dev.ddb.item.write.WriteOutcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TransactionCanceledException of a transaction whose actions did not all pass: one reason
 * per action, in request order, "None" for those that would have succeeded, as DynamoDB lists them
 * (also in the message).
 */
public final class CancellationReasons {

    private CancellationReasons() {
    }

    public static DynamoDbException of(List<WriteOutcome> outcomes) {
        return failed(outcomes.stream().map(outcome -> outcome.failed() ? outcome.failure() : null).toList());
    }

    /** @param failures one per action, in request order: null where the action would have succeeded */
    public static DynamoDbException failed(List<DynamoDbException> failures) {
        List<String> codes = new ArrayList<>();
        ArrayNode reasons = Json.array();
        for (DynamoDbException failure : failures) {
            ObjectNode reason = reasons.addObject();
            if (failure == null) {
                reason.put("Code", "None");
                codes.add("None");
                continue;
            }
            String code = codeOf(failure);
            reason.put("Code", code);
            if (failure.getMessage() != null) {
                reason.put("Message", failure.getMessage());
            }
            JsonNode item = failure.members().get("Item"); // ReturnValuesOnConditionCheckFailure: ALL_OLD
            if (item != null) {
                reason.set("Item", item);
            }
            codes.add(code);
        }
        return DynamoDbException.transactionCanceled(
                        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes)
                .withMember("CancellationReasons", reasons);
    }

    /**
     * The TransactionCanceledException of a transaction some of whose tables (or their global
     * indexes) are out of capacity: nothing was done; each action on a throttled table has the
     * throttle's reason (ThrottlingError for an on-demand maximum, ProvisionedThroughputExceeded for
     * provisioned capacity, with DynamoDB's messages), the others None.
     *
     * @param throttles one per action, in request order: null where the action's table is not throttled
     */
    public static DynamoDbException throttled(List<Throttle> throttles) {
        List<String> codes = new ArrayList<>();
        ArrayNode reasons = Json.array();
        for (Throttle throttle : throttles) {
            ObjectNode reason = reasons.addObject();
            if (throttle == null) {
                reason.put("Code", "None");
                codes.add("None");
                continue;
            }
            reason.put("Code", throttle.cancellationCode()).put("Message", throttle.cancellationMessage());
            codes.add(throttle.cancellationCode());
        }
        return DynamoDbException.transactionCanceled(
                        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes)
                .withMember("CancellationReasons", reasons);
    }

    /** DynamoDB's reason codes: ConditionalCheckFailed, ValidationError, or the error's own name without "Exception". */
    private static String codeOf(DynamoDbException failure) {
        String code = failure.code();
        if (code.equals("ValidationException")) {
            return "ValidationError";
        }
        return code.endsWith("Exception") ? code.substring(0, code.length() - "Exception".length()) : code;
    }
}
