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

    /**
     * The signature is not the one the signer's secret key makes of this request. DynamoDB adds the
     * canonical request and string to sign it computed; they are left out here, so that an answer
     * never helps to forge a signature.
     */
    static DynamoDbException signatureDoesNotMatch() {
        return invalidSignature("The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }

    /** The access key is nobody's. */
    static DynamoDbException unrecognizedClient() {
        return new DynamoDbException(CORAL_SERVICE + "UnrecognizedClientException",
                "The security token included in the request is invalid.", 400);
    }
}
