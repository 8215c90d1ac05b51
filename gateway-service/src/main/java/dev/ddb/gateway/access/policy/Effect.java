package dev.ddb.gateway.access.policy;

/** A statement's {@code Effect}: IAM accepts exactly these two words. */
public enum Effect {
    Allow,
    Deny
}
