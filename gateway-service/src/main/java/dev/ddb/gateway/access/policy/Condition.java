package dev.ddb.gateway.access.policy;

import java.util.List;

/**
 * One key of one condition block, e.g. {@code "ForAllValues:StringEquals": {"dynamodb:LeadingKeys": [...]}}.
 * Several policy values are alternatives (OR).
 */
public record Condition(ConditionOperator operator, SetQualifier qualifier, boolean ifExists, String key,
                        List<PolicyString> values) {

    /** The outcome of a condition: {@code null} when the request's key is unknown (see {@link EvaluationContext}). */
    Boolean test(EvaluationContext context) {
        if (context.isUnknown(key)) {
            return null;
        }
        boolean present = context.isPresent(key);
        if (operator.isNull()) {
            // "Null": true asks for the key to be absent, false for it to be there.
            return values.stream().anyMatch(v -> v.text(context).map(t -> t.equalsIgnoreCase("true") != present)
                    .orElse(false));
        }
        if (!present && ifExists) {
            return true;
        }
        List<String> requestValues = context.values(key);
        return switch (qualifier) {
            case FOR_ALL_VALUES -> requestValues.stream().allMatch(v -> matches(v, context));
            case FOR_ANY_VALUE -> requestValues.stream().anyMatch(v -> matches(v, context));
            case NONE -> {
                if (!present) {
                    // IAM: a missing key matches nothing, so a negated operator is true; IfExists is true.
                    yield ifExists || operator.negated();
                }
                yield operator.negated()
                        ? requestValues.stream().allMatch(v -> matches(v, context))
                        : requestValues.stream().anyMatch(v -> matches(v, context));
            }
        };
    }

    /** One request value against the policy values: any of them for a positive operator, none for a negated one. */
    private boolean matches(String requestValue, EvaluationContext context) {
        boolean any = values.stream().anyMatch(v -> operator.positiveMatch(requestValue, v, context));
        return operator.negated() != any;
    }
}
