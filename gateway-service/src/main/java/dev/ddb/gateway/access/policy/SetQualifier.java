package dev.ddb.gateway.access.policy;

/** How a condition treats a key with several values (e.g. dynamodb:Attributes). */
public enum SetQualifier {
    /** No qualifier: a single-valued comparison (any of several values may match). */
    NONE,
    /** {@code ForAllValues:}: every request value matches; true when the key is absent or empty. */
    FOR_ALL_VALUES,
    /** {@code ForAnyValue:}: at least one request value matches; false when the key is absent or empty. */
    FOR_ANY_VALUE
}
