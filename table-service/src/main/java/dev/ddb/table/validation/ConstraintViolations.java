package dev.ddb.table.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import dev.ddb.common.error.DynamoDbException;

/**
 * Collects violations of the member constraints of DynamoDB's API model (not null, length,
 * range, pattern, enum) and reports them the way DynamoDB does, all at once:
 * {@code 2 validation errors detected: Value 'x' at 'path' failed to satisfy constraint: ...; ...}.
 * Paths are the model's: camelCase members, 1-based list positions ({@code keySchema.1.member.keyType}).
 */
public final class ConstraintViolations {

    /** DynamoDB reports at most this many violations. */
    private static final int MAX_REPORTED = 10;

    private final List<String> violations = new ArrayList<>();

    /** Records a null member; true when the value is present, so callers check it further. */
    public boolean notNull(String path, Object value) {
        if (value == null) {
            add(null, path, "Member must not be null");
            return false;
        }
        return true;
    }

    public void pattern(String path, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(value, path, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
    }

    public void length(String path, String value, int min, int max) {
        if (value != null) {
            size(path, value, value.length(), min, max);
        }
    }

    public void length(String path, Collection<?> value, int min, int max) {
        if (value != null) {
            size(path, value, value.size(), min, max);
        }
    }

    public void atLeast(String path, Long value, long min) {
        if (value != null && value < min) {
            add(value, path, "Member must have value greater than or equal to " + min);
        }
    }

    public void atMost(String path, Long value, long max) {
        if (value != null && value > max) {
            add(value, path, "Member must have value less than or equal to " + max);
        }
    }

    /** @param allowed in the order DynamoDB lists them in its message */
    public void oneOf(String path, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(value, path, "Member must satisfy enum value set: " + allowed);
        }
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public void throwIfAny() {
        if (!violations.isEmpty()) {
            int count = violations.size();
            throw DynamoDbException.validation(count + (count == 1 ? " validation error" : " validation errors")
                    + " detected: " + String.join("; ", violations));
        }
    }

    private void size(String path, Object value, int size, int min, int max) {
        if (size < min) {
            add(value, path, "Member must have length greater than or equal to " + min);
        } else if (size > max) {
            add(value, path, "Member must have length less than or equal to " + max);
        }
    }

    private void add(Object value, String path, String constraint) {
        if (violations.size() < MAX_REPORTED) {
            String shown = value == null ? "null" : "'" + value + "'";
            violations.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
        }
    }
}
