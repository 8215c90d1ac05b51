package dev.ddb.stream.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.ddb.common.error.DynamoDbException;

/**
 * Collects violations of the member constraints of the Streams API model and reports them all at
 * once, as DynamoDB does: {@code 1 validation error detected: Value 'x' at 'path' failed to satisfy constraint: ...}.
 */
final class ConstraintViolations {

    private final List<String> violations = new ArrayList<>();

    void notNull(String path, Object value) {
        if (value == null) {
            add(null, path, "Member must not be null");
        }
    }

    void length(String path, String value, int min, int max) {
        if (value == null) {
            return;
        }
        if (value.length() < min) {
            add(value, path, "Member must have length greater than or equal to " + min);
        } else if (value.length() > max) {
            add(value, path, "Member must have length less than or equal to " + max);
        }
    }

    void range(String path, Integer value, int min, int max) {
        if (value == null) {
            return;
        }
        if (value < min) {
            add(value, path, "Member must have value greater than or equal to " + min);
        } else if (value > max) {
            add(value, path, "Member must have value less than or equal to " + max);
        }
    }

    void pattern(String path, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(value, path, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
    }

    /** @param allowed in the order DynamoDB lists them */
    void oneOf(String path, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(value, path, "Member must satisfy enum value set: " + allowed);
        }
    }

    void throwIfAny() {
        if (!violations.isEmpty()) {
            int count = violations.size();
            throw DynamoDbException.validation(count + (count == 1 ? " validation error" : " validation errors")
                    + " detected: " + String.join("; ", violations));
        }
    }

    private void add(Object value, String path, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        violations.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
    }
}
