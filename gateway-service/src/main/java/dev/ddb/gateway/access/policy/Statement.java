package dev.ddb.gateway.access.policy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One statement of a policy. {@code Action}/{@code NotAction} and {@code Resource}/{@code NotResource}
 * are each one of the two; action names match in any letter case, resources (ARNs) exactly.
 *
 * @param actions    the action patterns, e.g. {@code dynamodb:Get*}, lower-cased
 * @param notAction  whether they are a NotAction (the statement applies to every other action)
 * @param conditions all must hold (AND)
 */
public record Statement(String sid, Effect effect, List<Pattern> actions, boolean notAction,
                        List<PolicyString> resources, boolean notResource, List<Condition> conditions) {

    /** Compiles an action pattern ({@code *} and {@code ?} wildcards) for case-insensitive matching. */
    static Pattern actionPattern(String action) {
        String regex = PolicyString.parse(action.toLowerCase(Locale.ROOT), false)
                .pattern(EvaluationContext.builder().build(), false).orElseThrow().pattern();
        return Pattern.compile(regex, Pattern.DOTALL);
    }

    boolean appliesToAction(String action) {
        String name = action.toLowerCase(Locale.ROOT);
        boolean listed = actions.stream().anyMatch(p -> p.matcher(name).matches());
        return listed != notAction;
    }

    boolean appliesToResource(String resource, EvaluationContext context) {
        boolean listed = resources.stream().anyMatch(r -> r.pattern(context, false)
                .map(p -> p.matcher(resource).matches()).orElse(false));
        return listed != notResource;
    }

    /** True when every condition holds, false when one does not, null when none fails but one is unknown. */
    Boolean conditionsHold(EvaluationContext context) {
        boolean unknown = false;
        for (Condition condition : conditions) {
            Boolean outcome = condition.test(context);
            if (outcome == null) {
                unknown = true;
            } else if (!outcome) {
                return false;
            }
        }
        return unknown ? null : true;
    }

    /**
     * Whether the statement applies to the request. A condition on an unknown key fails closed: an
     * Allow does not apply, a Deny does.
     */
    boolean applies(String action, String resource, EvaluationContext context) {
        if (!appliesToAction(action) || !appliesToResource(resource, context)) {
            return false;
        }
        Boolean hold = conditionsHold(context);
        return hold == null ? effect == Effect.Deny : hold;
    }
}
