package dev.ddb.gateway.access.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request context IAM evaluates conditions and policy variables against: condition keys
 * ({@code aws:username}, {@code dynamodb:LeadingKeys}, ...) and their values. Key names are not
 * case-sensitive, as in IAM. A key may be absent (the request has no such thing, e.g. no
 * {@code ReturnValues}), present with values, or unknown: the gateway could not tell its values
 * (e.g. a Query whose partition key it cannot find); a condition on an unknown key fails closed.
 */
public final class EvaluationContext {

    /** Its own instance: compared by identity, never equal to a key present with no values. */
    private static final List<String> UNKNOWN = Collections.unmodifiableList(new ArrayList<>());

    private final Map<String, List<String>> keys;

    private EvaluationContext(Map<String, List<String>> keys) {
        this.keys = keys;
    }

    public static Builder builder() {
        return new Builder(new HashMap<>());
    }

    /** A builder holding this context's keys, to add or replace some. */
    public Builder toBuilder() {
        return new Builder(new HashMap<>(keys));
    }

    public boolean isPresent(String key) {
        List<String> values = keys.get(normalize(key));
        return values != null && values != UNKNOWN;
    }

    public boolean isUnknown(String key) {
        return keys.get(normalize(key)) == UNKNOWN;
    }

    /** The key's values; empty when absent or unknown. */
    public List<String> values(String key) {
        List<String> values = keys.get(normalize(key));
        return values == null ? List.of() : values;
    }

    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return keys.toString();
    }

    public static final class Builder {

        private final Map<String, List<String>> keys;

        private Builder(Map<String, List<String>> keys) {
            this.keys = keys;
        }

        public Builder put(String key, String value) {
            return put(key, List.of(value));
        }

        public Builder put(String key, List<String> values) {
            keys.put(normalize(key), List.copyOf(values));
            return this;
        }

        /** The key applies to the request but its values could not be told. */
        public Builder unknown(String key) {
            keys.put(normalize(key), UNKNOWN);
            return this;
        }

        public EvaluationContext build() {
            return new EvaluationContext(Map.copyOf(keys));
        }
    }
}
