package dev.ddb.gateway.auth;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Who signed a request, as the principals file names them: an IAM user of the file's account with
 * the policy documents attached to it. The secret key is not here: only the signature check needs it.
 */
public record Principal(String name, String accessKeyId, String accountId, List<JsonNode> policies) {

    public Principal {
        policies = List.copyOf(policies);
    }

    /** The ARN DynamoDB's AccessDeniedException names, {@code arn:aws:iam::123456789012:user/alice}. */
    public String arn() {
        return "arn:aws:iam::" + accountId + ":user/" + name;
    }
}
