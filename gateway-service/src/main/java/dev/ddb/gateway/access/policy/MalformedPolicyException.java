package dev.ddb.gateway.access.policy;

/** A policy document that is not in IAM's grammar; the message says what is wrong and where. */
public class MalformedPolicyException extends RuntimeException {

    public MalformedPolicyException(String message) {
        super(message);
    }
}
