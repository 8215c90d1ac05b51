package dev.ddb.gateway.access;

import org.springframework.stereotype.Component;

import dev.ddb.gateway.auth.Requester;

/**
 * Decides whether the requester's policies allow a request, before it reaches the owning service.
 * A request without a verified principal ({@code open} mode) is not checked.
 */
@Component
public class AccessPolicies {

    /**
     * @param operation the DynamoDB or DynamoDB Streams operation, e.g. {@code GetItem}
     * @param body      the request's JSON body as received
     * @throws dev.ddb.common.error.DynamoDbException AccessDeniedException when the policies do not allow it
     */
    public void authorize(Requester requester, String operation, byte[] body) {
        if (requester.principal() == null) {
            return;
        }
        // Policy evaluation lands here (issue 15, part 2).
    }
}
