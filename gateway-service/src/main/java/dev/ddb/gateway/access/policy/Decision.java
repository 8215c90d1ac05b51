package dev.ddb.gateway.access.policy;

/** The outcome of evaluating a principal's policies for one action on one resource, as IAM names it. */
public enum Decision {
    /** An Allow statement applies and no Deny statement does. */
    ALLOW,
    /** A Deny statement applies: it wins over any Allow. */
    EXPLICIT_DENY,
    /** No statement allows it. */
    IMPLICIT_DENY
}
