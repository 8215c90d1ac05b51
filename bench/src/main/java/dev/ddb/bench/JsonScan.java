package dev.ddb.bench;

import java.nio.charset.StandardCharsets;

/**
 * Cheap checks of a DynamoDB answer's top-level members on the raw bytes, without a JSON parse: the
 * raw client must cost little. The members looked for ({@code "Item"}, {@code "Count"},
 * {@code "UnprocessedItems"}) are names DynamoDB uses only at the top level of these answers, while item
 * values are the benchmark's own (letters and digits), so a search for the quoted name followed by a
 * colon finds the member and nothing else.
 */
final class JsonScan {

    private JsonScan() {
    }

    /** Whether the member is an object with at least one member. */
    static boolean nonEmptyObject(byte[] json, String name) {
        int at = valueStart(json, name);
        if (at < 0 || json[at] != '{') {
            return false;
        }
        int next = skipSpace(json, at + 1);
        return next < json.length && json[next] != '}';
    }

    /** Whether the member is absent or an empty object (BatchWriteItem's UnprocessedItems: {}). */
    static boolean emptyObjectOrAbsent(byte[] json, String name) {
        int at = valueStart(json, name);
        if (at < 0) {
            return true;
        }
        if (json[at] != '{') {
            return false;
        }
        int next = skipSpace(json, at + 1);
        return next < json.length && json[next] == '}';
    }

    /** The member's value as a whole number, or -1 when it is absent or not one. */
    static long number(byte[] json, String name) {
        int at = valueStart(json, name);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        int digits = 0;
        for (int i = at; i < json.length && json[i] >= '0' && json[i] <= '9'; i++, digits++) {
            value = value * 10 + (json[i] - '0');
        }
        return digits == 0 ? -1 : value;
    }

    /** Index of the first byte of the member's value, or -1 when there is no such member. */
    private static int valueStart(byte[] json, String name) {
        byte[] quoted = ('"' + name + '"').getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + quoted.length <= json.length; i++) {
            for (int j = 0; j < quoted.length; j++) {
                if (json[i + j] != quoted[j]) {
                    continue outer;
                }
            }
            int colon = skipSpace(json, i + quoted.length);
            if (colon < json.length && json[colon] == ':') {
                int value = skipSpace(json, colon + 1);
                return value < json.length ? value : -1;
            }
        }
        return -1;
    }

    private static int skipSpace(byte[] json, int i) {
        while (i < json.length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
            i++;
        }
        return i;
    }
}
