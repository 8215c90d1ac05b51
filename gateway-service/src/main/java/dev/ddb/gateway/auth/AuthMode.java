package dev.ddb.gateway.auth;

/** How the gateway treats a request's AWS Signature Version 4 ({@code ddb.gateway.auth.mode}, {@code DDB_AUTH_MODE}). */
public enum AuthMode {
    /** Any well-formed signature with any key is accepted, as DynamoDB Local does; no principal, no policies. */
    OPEN,
    /** The signature is checked against the principals file's secret keys; the signer's policies apply. */
    VERIFY
}
