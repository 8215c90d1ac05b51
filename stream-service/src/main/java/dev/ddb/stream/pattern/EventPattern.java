package dev.ddb.stream.pattern;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import dev.ddb.common.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An event pattern in the syntax Lambda's event filtering and EventBridge rules share: a JSON
 * object whose fields name fields of the event; nested objects descend, an array at a leaf lists
 * matchers of which one must match (for an event value that is an array: one of its elements).
 * Matchers: a literal (string, number compared by value, boolean, null), {@code {"prefix": "x"}},
 * {@code {"suffix": "x"}} (either also as {@code {"prefix": {"equals-ignore-case": "x"}}}),
 * {@code {"equals-ignore-case": "x"}}, {@code {"wildcard": "*.png"}}, {@code {"cidr": "10.0.0.0/24"}}, ({@code *} any characters,
 * {@code \\*} a star), {@code {"anything-but": v | [v...] | {"prefix": "x"} | {"suffix": "x"} |
 * {"equals-ignore-case": "x" | [...]} | {"wildcard": "x*"}}}, {@code {"numeric": [">", 0, "<=", 5]}}
 * (event numbers only, as Lambda and EventBridge: DynamoDB's {@code "N"} values are strings and do not
 * match), {@code {"exists": true|false}} (a field under a missing object is missing too);
 * and {@code "$or": [pattern, ...]} beside fields. Every field of the pattern must match.
 */
public final class EventPattern {

    private final Predicate<JsonNode> matcher;

    private EventPattern(Predicate<JsonNode> matcher) {
        this.matcher = matcher;
    }

    /** @throws InvalidPatternException when the text is not a pattern */
    public static EventPattern parse(String json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidPatternException("Pattern is not JSON: " + e.getOriginalMessage());
        }
        return of(node);
    }

    public static EventPattern of(JsonNode pattern) {
        if (pattern == null || !pattern.isObject()) {
            throw new InvalidPatternException("Pattern must be a JSON object");
        }
        return new EventPattern(object(pattern));
    }

    public boolean matches(JsonNode event) {
        return matcher.test(event);
    }

    private static Predicate<JsonNode> object(JsonNode pattern) {
        List<Predicate<JsonNode>> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : pattern.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("$or")) {
                fields.add(or(value));
            } else if (value.isObject()) {
                if (value.isEmpty()) {
                    throw new InvalidPatternException("Empty objects are not allowed");
                }
                Predicate<JsonNode> nested = object(value);
                // Under a missing (or non-object) field every field is missing: only "exists": false matches there.
                fields.add(event -> {
                    JsonNode child = event == null ? null : event.get(name);
                    return nested.test(child != null && child.isObject() ? child : null);
                });
            } else if (value.isArray()) {
                Predicate<JsonNode> leaf = leaf(value);
                fields.add(event -> leaf.test(event == null ? null : event.get(name)));
            } else {
                throw new InvalidPatternException("\"" + name + "\" must be an object or an array");
            }
        }
        return event -> fields.stream().allMatch(field -> field.test(event));
    }

    private static Predicate<JsonNode> or(JsonNode alternatives) {
        if (!alternatives.isArray() || alternatives.size() < 2) {
            throw new InvalidPatternException("$or must be an array of at least two patterns");
        }
        List<Predicate<JsonNode>> options = new ArrayList<>();
        alternatives.forEach(alternative -> {
            if (!alternative.isObject()) {
                throw new InvalidPatternException("$or must list patterns (objects)");
            }
            options.add(object(alternative));
        });
        return event -> options.stream().anyMatch(option -> option.test(event));
    }

    /** One of the matchers must match the value, or, for an array value, one of its elements. Null value: missing. */
    private static Predicate<JsonNode> leaf(JsonNode matchers) {
        if (matchers.isEmpty()) {
            throw new InvalidPatternException("A list of matchers must not be empty");
        }
        List<Predicate<JsonNode>> values = new ArrayList<>();
        Boolean exists = null;
        for (JsonNode matcher : matchers) {
            if (matcher.isObject() && matcher.size() == 1 && matcher.has("exists")) {
                if (!matcher.get("exists").isBoolean()) {
                    throw new InvalidPatternException("exists takes true or false");
                }
                exists = matcher.get("exists").booleanValue();
            } else {
                values.add(matcher(matcher));
            }
        }
        Boolean mustExist = exists;
        return value -> {
            boolean missing = value == null || value.isMissingNode();
            if (mustExist != null && (missing != mustExist)) {
                return true;
            }
            if (missing) {
                return false;
            }
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (values.stream().anyMatch(matcher -> matcher.test(element))) {
                        return true;
                    }
                }
                return false;
            }
            return values.stream().anyMatch(matcher -> matcher.test(value));
        };
    }

    private static Predicate<JsonNode> matcher(JsonNode matcher) {
        if (matcher.isObject()) {
            if (matcher.size() != 1) {
                throw new InvalidPatternException("A matcher object has exactly one field: " + matcher);
            }
            Map.Entry<String, JsonNode> only = matcher.properties().iterator().next();
            JsonNode argument = only.getValue();
            return switch (only.getKey()) {
                case "prefix" -> ignoringCase(argument)
                        ? text(argument.get("equals-ignore-case"), "prefix", (value, prefix) -> lower(value).startsWith(lower(prefix)))
                        : text(argument, "prefix", (value, prefix) -> value.startsWith(prefix));
                case "suffix" -> ignoringCase(argument)
                        ? text(argument.get("equals-ignore-case"), "suffix", (value, suffix) -> lower(value).endsWith(lower(suffix)))
                        : text(argument, "suffix", (value, suffix) -> value.endsWith(suffix));
                case "wildcard" -> wildcard(argument);
                case "cidr" -> cidr(argument);
                case "equals-ignore-case" -> text(argument, "equals-ignore-case",
                        (value, other) -> lower(value).equals(lower(other)));
                case "anything-but" -> anythingBut(argument);
                case "numeric" -> numeric(argument);
                default -> throw new InvalidPatternException("Unknown matcher " + only.getKey());
            };
        }
        if (matcher.isArray()) {
            throw new InvalidPatternException("Matchers cannot be nested arrays");
        }
        return value -> literalEquals(matcher, value);
    }

    private static boolean ignoringCase(JsonNode argument) {
        return argument.isObject() && argument.size() == 1 && argument.has("equals-ignore-case");
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** {@code *} stands for any characters (none too); {@code \\*} and {@code \\\\} are a star and a backslash. */
    private static Predicate<JsonNode> wildcard(JsonNode argument) {
        if (!argument.isString()) {
            throw new InvalidPatternException("wildcard match pattern must be a string");
        }
        String text = argument.stringValue();
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 == text.length() || (text.charAt(i + 1) != '*' && text.charAt(i + 1) != '\\')) {
                    throw new InvalidPatternException("Invalid escape character at pos " + i);
                }
                literal.append(text.charAt(++i));
            } else if (c == '*') {
                if (i > 0 && text.charAt(i - 1) == '*') {
                    throw new InvalidPatternException("Consecutive wildcard characters at pos " + i);
                }
                regex.append(java.util.regex.Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(java.util.regex.Pattern.quote(literal.toString()));
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.DOTALL);
        return value -> value.isString() && pattern.matcher(value.stringValue()).matches();
    }

    /** An IPv4 or IPv6 address within the block, e.g. {@code {"cidr": "10.0.0.0/24"}}. */
    private static Predicate<JsonNode> cidr(JsonNode argument) {
        String text = argument.isString() ? argument.stringValue() : "";
        int slash = text.indexOf('/');
        byte[] network = slash < 0 ? null : address(text.substring(0, slash));
        int bits;
        try {
            bits = slash < 0 ? -1 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (network == null || bits < 0 || bits > network.length * 8) {
            throw new InvalidPatternException("Malformed CIDR, one '/' required");
        }
        int prefix = bits;
        return value -> {
            byte[] address = value.isString() ? address(value.stringValue()) : null;
            if (address == null || address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** The bytes of an IP address literal; null for anything else (never a DNS look-up). */
    private static byte[] address(String text) {
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && java.util.Arrays.stream(text.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean v6 = text.contains(":") && text.matches("[0-9a-fA-F:.]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return java.net.InetAddress.getByName(text).getAddress();
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private interface TextTest {
        boolean test(String value, String argument);
    }

    private static Predicate<JsonNode> text(JsonNode argument, String name, TextTest test) {
        if (!argument.isString()) {
            throw new InvalidPatternException(name + " takes a string");
        }
        String text = argument.stringValue();
        return value -> value.isString() && test.test(value.stringValue(), text);
    }

    private static Predicate<JsonNode> anythingBut(JsonNode argument) {
        Predicate<JsonNode> excluded;
        if (argument.isObject()) {
            if (argument.size() != 1 || !(argument.has("prefix") || argument.has("suffix")
                    || argument.has("equals-ignore-case") || argument.has("wildcard"))) {
                throw new InvalidPatternException("Unsupported anything-but pattern: " + argument);
            }
            JsonNode ignoringCase = argument.get("equals-ignore-case");
            if (ignoringCase != null && ignoringCase.isArray()) {
                List<Predicate<JsonNode>> any = new ArrayList<>();
                ignoringCase.forEach(one -> any.add(matcher(Json.object().set("equals-ignore-case", one))));
                excluded = value -> any.stream().anyMatch(one -> one.test(value));
            } else {
                excluded = matcher(argument);
            }
        } else if (argument.isArray()) {
            List<JsonNode> values = new ArrayList<>();
            argument.forEach(values::add);
            excluded = value -> values.stream().anyMatch(v -> literalEquals(v, value));
        } else {
            excluded = value -> literalEquals(argument, value);
        }
        return value -> !value.isNull() && !excluded.test(value);
    }

    private static Predicate<JsonNode> numeric(JsonNode argument) {
        if (!argument.isArray() || argument.isEmpty() || argument.size() % 2 != 0 || argument.size() > 4) {
            throw new InvalidPatternException("numeric takes one or two comparisons, e.g. [\">\", 0, \"<=\", 5]");
        }
        List<Predicate<BigDecimal>> comparisons = new ArrayList<>();
        for (int i = 0; i < argument.size(); i += 2) {
            JsonNode operator = argument.get(i);
            JsonNode operand = argument.get(i + 1);
            if (!operator.isString() || !operand.isNumber()) {
                throw new InvalidPatternException("numeric compares with an operator and a number: " + argument);
            }
            BigDecimal bound = decimal(operand);
            if (bound == null) {
                throw new InvalidPatternException("numeric bound out of range (at most about 1.8e308): " + operator.stringValue());
            }
            comparisons.add(switch (operator.stringValue()) {
                case "=" -> n -> n.compareTo(bound) == 0;
                case "<" -> n -> n.compareTo(bound) < 0;
                case "<=" -> n -> n.compareTo(bound) <= 0;
                case ">" -> n -> n.compareTo(bound) > 0;
                case ">=" -> n -> n.compareTo(bound) >= 0;
                default -> throw new InvalidPatternException("Unknown numeric operator " + operator.stringValue());
            });
        }
        return value -> {
            BigDecimal number = value.isNumber() ? decimal(value) : null;
            return number != null && comparisons.stream().allMatch(c -> c.test(number));
        };
    }

    private static boolean literalEquals(JsonNode literal, JsonNode value) {
        if (literal.isNumber() && value.isNumber()) {
            BigDecimal a = decimal(literal);
            BigDecimal b = decimal(value);
            return a != null && b != null ? a.compareTo(b) == 0 : literal.equals(value);
        }
        return literal.equals(value);
    }

    /** A JSON number as a BigDecimal; null beyond a double's range, which Jackson reads as infinite (1e400). */
    private static BigDecimal decimal(JsonNode number) {
        if (number.isFloatingPointNumber() && !Double.isFinite(number.doubleValue())) {
            return null;
        }
        return number.decimalValue();
    }
}
