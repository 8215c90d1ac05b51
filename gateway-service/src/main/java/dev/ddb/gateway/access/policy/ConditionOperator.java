package dev.ddb.gateway.access.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * IAM's condition operators (the part of a condition block's name after any
 * {@code ForAllValues:}/{@code ForAnyValue:} and before any {@code IfExists}). Each negated
 * operator is its positive counterpart's opposite; {@code Null} is handled by {@link Condition}.
 */
public enum ConditionOperator {
    StringEquals(Kind.STRING, false),
    StringNotEquals(Kind.STRING, true),
    StringEqualsIgnoreCase(Kind.STRING_IGNORE_CASE, false),
    StringNotEqualsIgnoreCase(Kind.STRING_IGNORE_CASE, true),
    StringLike(Kind.LIKE, false),
    StringNotLike(Kind.LIKE, true),
    NumericEquals(Kind.NUMERIC_EQUALS, false),
    NumericNotEquals(Kind.NUMERIC_EQUALS, true),
    NumericLessThan(Kind.NUMERIC_LESS, false),
    NumericLessThanEquals(Kind.NUMERIC_LESS_EQUALS, false),
    NumericGreaterThan(Kind.NUMERIC_GREATER, false),
    NumericGreaterThanEquals(Kind.NUMERIC_GREATER_EQUALS, false),
    DateEquals(Kind.DATE_EQUALS, false),
    DateNotEquals(Kind.DATE_EQUALS, true),
    DateLessThan(Kind.DATE_LESS, false),
    DateLessThanEquals(Kind.DATE_LESS_EQUALS, false),
    DateGreaterThan(Kind.DATE_GREATER, false),
    DateGreaterThanEquals(Kind.DATE_GREATER_EQUALS, false),
    Bool(Kind.BOOL, false),
    BinaryEquals(Kind.STRING, false),
    IpAddress(Kind.IP, false),
    NotIpAddress(Kind.IP, true),
    // ARNs are compared as strings; ArnEquals accepts wildcards as ArnLike does, as in IAM.
    ArnEquals(Kind.LIKE, false),
    ArnLike(Kind.LIKE, false),
    ArnNotEquals(Kind.LIKE, true),
    ArnNotLike(Kind.LIKE, true),
    Null(Kind.NULL, false);

    private enum Kind {
        STRING, STRING_IGNORE_CASE, LIKE, NUMERIC_EQUALS, NUMERIC_LESS, NUMERIC_LESS_EQUALS, NUMERIC_GREATER,
        NUMERIC_GREATER_EQUALS, DATE_EQUALS, DATE_LESS, DATE_LESS_EQUALS, DATE_GREATER, DATE_GREATER_EQUALS, BOOL, IP,
        NULL
    }

    private static final Map<String, ConditionOperator> BY_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(o -> o.name().toLowerCase(Locale.ROOT), Function.identity()));

    private static final java.util.regex.Pattern IP_LITERAL = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

    private final Kind kind;
    private final boolean negated;

    ConditionOperator(Kind kind, boolean negated) {
        this.kind = kind;
        this.negated = negated;
    }

    /** The operator a name stands for, in any letter case. */
    public static Optional<ConditionOperator> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    public boolean negated() {
        return negated;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /**
     * Whether one request value matches one policy value under the positive counterpart of this
     * operator ({@code StringEquals} for {@code StringNotEquals}); a value of the wrong type (no
     * number for NumericEquals) matches nothing.
     */
    boolean positiveMatch(String requestValue, PolicyString policyValue, EvaluationContext context) {
        if (kind == Kind.LIKE) {
            return policyValue.pattern(context, false).map(p -> p.matcher(requestValue).matches()).orElse(false);
        }
        Optional<String> text = policyValue.text(context);
        if (text.isEmpty()) {
            return false;
        }
        String expected = text.get();
        return switch (kind) {
            case STRING -> requestValue.equals(expected);
            case STRING_IGNORE_CASE -> requestValue.equalsIgnoreCase(expected);
            case BOOL -> requestValue.equalsIgnoreCase(expected);
            case NUMERIC_EQUALS, NUMERIC_LESS, NUMERIC_LESS_EQUALS, NUMERIC_GREATER, NUMERIC_GREATER_EQUALS ->
                    compare(number(requestValue), number(expected));
            case DATE_EQUALS, DATE_LESS, DATE_LESS_EQUALS, DATE_GREATER, DATE_GREATER_EQUALS ->
                    compare(date(requestValue), date(expected));
            case IP -> inRange(requestValue, expected);
            case LIKE, NULL -> false;
        };
    }

    private <T extends Comparable<T>> boolean compare(T request, T policy) {
        if (request == null || policy == null) {
            return false;
        }
        int order = request.compareTo(policy);
        return switch (kind) {
            case NUMERIC_EQUALS, DATE_EQUALS -> order == 0;
            case NUMERIC_LESS, DATE_LESS -> order < 0;
            case NUMERIC_LESS_EQUALS, DATE_LESS_EQUALS -> order <= 0;
            case NUMERIC_GREATER, DATE_GREATER -> order > 0;
            case NUMERIC_GREATER_EQUALS, DATE_GREATER_EQUALS -> order >= 0;
            default -> false;
        };
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ISO 8601 (with or without an offset: UTC) or epoch seconds, as IAM's date operators take. */
    private static Instant date(String text) {
        String value = text.trim();
        try {
            if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            if (value.length() == 10) {
                return Instant.parse(value + "T00:00:00Z");
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                return Instant.parse(value + "Z");
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /** Whether an address is in a CIDR block ({@code 203.0.113.0/24}) or is the one address named. */
    private static boolean inRange(String address, String block) {
        int slash = block.indexOf('/');
        String network0 = slash < 0 ? block : block.substring(0, slash);
        // Literal addresses only: InetAddress would look a host name up in DNS.
        if (!IP_LITERAL.matcher(address).matches() || !IP_LITERAL.matcher(network0).matches()) {
            return false;
        }
        try {
            byte[] network = InetAddress.getByName(network0).getAddress();
            byte[] candidate = InetAddress.getByName(address).getAddress();
            if (network.length != candidate.length) {
                return false;
            }
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(block.substring(slash + 1));
            for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((network[i] & mask) != (candidate[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
