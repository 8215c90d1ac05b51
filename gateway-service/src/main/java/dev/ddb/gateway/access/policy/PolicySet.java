package dev.ddb.gateway.access.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * All the identity-based policies of one principal, parsed once, evaluated as IAM does: an
 * explicit Deny wins, then an Allow, else the request is implicitly denied. When one of the
 * documents is malformed the whole set allows nothing: ignoring it could ignore a Deny.
 */
public final class PolicySet {

    private final List<Statement> statements;
    private final String malformed;
    private final boolean decidedByActionAlone;

    private PolicySet(List<Statement> statements, String malformed) {
        this.statements = statements;
        this.malformed = malformed;
        this.decidedByActionAlone = statements.stream().allMatch(s -> !s.notResource()
                && s.resources().stream().allMatch(PolicyString::isWildcardOnly)
                && s.conditions().stream().noneMatch(c -> c.key().toLowerCase(Locale.ROOT).startsWith("dynamodb:")));
    }

    /** Never throws: a malformed document gives a set that denies everything and says why in {@link #malformed()}. */
    public static PolicySet of(List<JsonNode> documents) {
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            try {
                statements.addAll(PolicyDocument.parse(documents.get(i)).statements());
            } catch (MalformedPolicyException e) {
                return new PolicySet(List.of(), "policy " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new PolicySet(List.copyOf(statements), null);
    }

    /** What is wrong with one of the documents, or null when they are all well formed. */
    public String malformed() {
        return malformed;
    }

    public Decision evaluate(String action, String resource, EvaluationContext context) {
        boolean allowed = false;
        for (Statement statement : statements) {
            if (statement.applies(action, resource, context)) {
                if (statement.effect() == Effect.Deny) {
                    return Decision.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /**
     * Whether every statement is on all resources ({@code "Resource": "*"}) and no condition looks
     * at a DynamoDB key: then the action and the global keys decide, whatever the request's body
     * says, and an allowed request need not be parsed (e.g. an administrator's {@code dynamodb:*}).
     */
    public boolean decidedByActionAlone() {
        return decidedByActionAlone;
    }

    /** Whether any condition names this key (e.g. dynamodb:LeadingKeys, which costs a key schema look-up). */
    public boolean conditionsName(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return statements.stream().flatMap(s -> s.conditions().stream())
                .anyMatch(c -> c.key().toLowerCase(Locale.ROOT).equals(lower));
    }
}
