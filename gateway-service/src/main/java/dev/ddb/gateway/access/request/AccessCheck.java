package dev.ddb.gateway.access.request;

import dev.ddb.gateway.access.policy.EvaluationContext;

/**
 * One authorization a request needs: an IAM action on a resource, with the request context its
 * conditions see. A batch or a transaction needs one per entry.
 */
public record AccessCheck(String action, String resource, EvaluationContext context) {
}
