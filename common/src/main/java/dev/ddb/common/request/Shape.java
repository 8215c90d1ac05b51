package dev.ddb.common.request;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One shape of a service model: a request member's JSON type and its declared constraints
 * (length or value range, pattern, enum), as DynamoDB's own API model declares them.
 *
 * @param type      the model's type name: structure, list, map, string, integer, long, double, boolean, blob, timestamp
 * @param min       minimum length (string, list, map) or value (numbers); null when unconstrained
 * @param max       maximum length or value; null when unconstrained
 * @param member    the element shape of a list
 * @param key       the key shape of a map
 * @param value     the value shape of a map
 * @param members   the member shapes of a structure, in the model's order
 * @param required  the required members of a structure
 */
public record Shape(String name, String type, Long min, Long max, Pattern pattern, String patternText,
                    List<String> enumValues, String member, String key, String value,
                    Map<String, String> members, List<String> required) {

    boolean isScalar() {
        return !type.equals("structure") && !type.equals("list") && !type.equals("map");
    }

    boolean hasConstraints() {
        return min != null || max != null || pattern != null || enumValues != null;
    }
}
