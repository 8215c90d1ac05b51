package dev.ddb.gateway.access;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.gateway.access.policy.Decision;
import dev.ddb.gateway.access.request.AccessCheck;
import dev.ddb.gateway.auth.Principal;

/**
 * DynamoDB's AccessDeniedException, worded as IAM words it: {@code User: <arn> is not authorized
 * to perform: <action> on resource: <resource> because no identity-based policy allows the
 * <action> action}, or {@code ... with an explicit deny in an identity-based policy}.
 */
final class AccessDenied {

    private AccessDenied() {
    }

    static DynamoDbException of(Principal principal, AccessCheck check, Decision decision) {
        String message = "User: " + principal.arn() + " is not authorized to perform: " + check.action()
                + " on resource: " + check.resource()
                + (decision == Decision.EXPLICIT_DENY
                        ? " with an explicit deny in an identity-based policy"
                        : " because no identity-based policy allows the " + check.action() + " action");
        return DynamoDbException.accessDenied(message);
    }
}
