package dev.ddb.gateway.auth;

import dev.ddb.common.error.DynamoDbException;

/** DynamoDB's errors for a signature that is there but not usable. */
final class SignatureErrors {

    private static final String CORAL_SERVICE = "com.amazon.coral.service#";

    private SignatureErrors() {
    }

    /** The signature is missing parts or not in AWS Signature Version 4's form. */
    static DynamoDbException incompleteSignature(String message) {
        return new DynamoDbException(CORAL_SERVICE + "IncompleteSignatureException", message, 400);
    }

    static DynamoDbException invalidSignature(String message) {
        return new DynamoDbException(CORAL_SERVICE + "InvalidSignatureException", message, 400);
    }
}
