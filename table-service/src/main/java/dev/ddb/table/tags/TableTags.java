package dev.ddb.table.tags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.ddb.common.error.DynamoDbException;
import tools.jackson.databind.JsonNode;

/**
 * DynamoDB's rules for a table's tags, beyond the member lengths the request validator checks
 * (key 1-128, value 0-256 characters): at most {@value #MAX_TAGS} per table; keys and values of
 * Unicode letters, digits, white space and {@code _ . : / = + - @}; the {@code aws:} key prefix is
 * reserved for AWS in any letter case (a user can neither add nor remove such a tag).
 */
public final class TableTags {

    /** Tags a table may have. */
    public static final int MAX_TAGS = 50;
    /** The key prefix reserved for tags AWS assigns. */
    public static final String RESERVED_PREFIX = "aws:";

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}\\s_.:/=+\\-@]*");

    private TableTags() {
    }

    /**
     * The {@code Tags} list of a TagResource or CreateTable request, checked, in its order (a key
     * given twice keeps its last value); null when the member is absent.
     */
    public static Map<String, String> read(JsonNode tagList) {
        if (tagList == null || tagList.isNull()) {
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : tagList) {
            if (tag == null || tag.isNull()) {
                throw DynamoDbException.invalidParameter("Tag must not be null");
            }
            String key = tag.path("Key").stringValue("");
            String value = tag.path("Value").stringValue("");
            requireUserKey(key);
            if (!ALLOWED.matcher(key).matches()) {
                throw DynamoDbException.invalidParameter("Invalid characters in tag key: " + key);
            }
            if (!ALLOWED.matcher(value).matches()) {
                throw DynamoDbException.invalidParameter("Invalid characters in tag value: " + value);
            }
            tags.put(key, value);
        }
        return tags;
    }

    /** A key a user may add or remove: none with the reserved {@code aws:} prefix. */
    public static void requireUserKey(String key) {
        if (key != null && key.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
            throw DynamoDbException.invalidParameter("Tag keys starting with '" + RESERVED_PREFIX
                    + "' are reserved for system use: " + key);
        }
    }

    /** {@code current} with {@code added} put in (a present key takes its new value), within the limit. */
    public static Map<String, String> added(Map<String, String> current, Map<String, String> added) {
        Map<String, String> tags = new LinkedHashMap<>(current);
        tags.putAll(added);
        requireWithinLimit(tags.size());
        return tags;
    }

    public static Map<String, String> removed(Map<String, String> current, List<String> keys) {
        Map<String, String> tags = new LinkedHashMap<>(current);
        keys.forEach(tags::remove);
        return tags;
    }

    public static void requireWithinLimit(int count) {
        if (count > MAX_TAGS) {
            throw DynamoDbException.invalidParameter("The number of tags for a resource exceeds the limit of " + MAX_TAGS);
        }
    }
}
