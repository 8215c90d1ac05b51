package dev.ddb.common.attribute;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ddb.common.error.DynamoDbException;

/**
 * DynamoDB's number type: up to 38 significant digits, magnitude between 1E-130 and
 * 9.9999999999999999999999999999999999999E+125, exact (never a double).
 */
public final class DynamoNumber {

    public static final int MAX_PRECISION = 38;
    /** Largest allowed adjusted exponent (the exponent in scientific notation). */
    static final int MAX_EXPONENT = 125;
    static final int MIN_EXPONENT = -130;
    /**
     * A well-formed number whose exponent has ten digits or more: at or beyond BigDecimal's int scale.
     * Possessive, so that a long run of digits is read once, never backtracked into.
     */
    private static final Pattern HUGE_EXPONENT = Pattern.compile("[+-]?+(?:\\d++(?:\\.\\d*+)?+|\\.\\d++)[eE]([+-]?+)0*+\\d{10,}+");

    private DynamoNumber() {
    }

    /** Parses and validates a number as sent on the wire, answering DynamoDB's errors. */
    public static BigDecimal parse(String text) {
        BigDecimal value;
        if (!isAsciiNumberText(text)) {
            // BigDecimal also reads other scripts' digits ("١٢٣"); DynamoDB does not.
            throw notANumber(text);
        }
        int significant = significantDigits(text);
        Matcher huge = hasExponent(text) ? HUGE_EXPONENT.matcher(text) : null;
        if (huge != null && huge.matches()) {
            // beyond BigDecimal's int scale (and near it, where stripping zeros overflows it); any
            // digit other than 0 puts the number far outside DynamoDB's range, as the exponent's sign says
            if (significant == 0) {
                return BigDecimal.ZERO;
            }
            throw "-".equals(huge.group(1)) ? underflow() : overflow();
        }
        if (significant > MAX_PRECISION) {
            // refused before BigDecimal parses it: hundreds of thousands of digits take it seconds
            throw DynamoDbException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw notANumber(text);
        }
        return validate(value);
    }

    private static boolean hasExponent(String text) {
        return text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
    }

    /** DynamoDB's wording, the text echoed (captured from AWS in four regions, October 2026). */
    private static DynamoDbException notANumber(String text) {
        return DynamoDbException.validation("The parameter cannot be converted to a numeric value: " + text);
    }

    private static DynamoDbException overflow() {
        return DynamoDbException.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    private static DynamoDbException underflow() {
        return DynamoDbException.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }

    /**
     * The significant digits of a well-formed number's text ({@code [+-]digits[.digits][e[+-]digits]}),
     * leading and trailing zeros of its mantissa not counted; 0 for text that is not well formed,
     * which BigDecimal then refuses.
     */
    static int significantDigits(String text) {
        int i = 0;
        int length = text.length();
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int first = -1;
        int last = -1;
        int digits = 0;
        int significant = 0;
        boolean point = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (c != '0') {
                    if (first < 0) {
                        first = significant;
                    }
                    last = significant;
                }
                if (first >= 0 || c != '0') {
                    significant++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return 0;
        }
        if (i < length) {
            // an exponent: e or E, an optional sign, at least one digit, nothing after
            if (text.charAt(i) != 'e' && text.charAt(i) != 'E') {
                return 0;
            }
            i++;
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0 || i < length) {
                return 0;
            }
        }
        return first < 0 ? 0 : last - first + 1;
    }

    private static boolean isAsciiNumberText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }

    /** Validates an already computed number (e.g. the result of an ADD) against DynamoDB's limits. */
    public static BigDecimal validate(BigDecimal value) {
        BigDecimal canonical = canonical(value);
        if (canonical.signum() == 0) {
            return canonical;
        }
        if (canonical.precision() > MAX_PRECISION) {
            throw DynamoDbException.validation("Attempting to store more than 38 significant digits in a Number");
        }
        int exponent = adjustedExponent(canonical);
        if (exponent > MAX_EXPONENT) {
            throw overflow();
        }
        if (exponent < MIN_EXPONENT) {
            throw underflow();
        }
        return canonical;
    }

    /** Trailing zeros stripped, so that equal numbers have equal representations. */
    public static BigDecimal canonical(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** The exponent e of the value written as d.ddd x 10^e. */
    public static int adjustedExponent(BigDecimal nonZero) {
        return nonZero.precision() - nonZero.scale() - 1;
    }

    /** The wire form: plain digits, no exponent, no trailing zeros, as DynamoDB returns numbers. */
    public static String format(BigDecimal value) {
        return canonical(value).toPlainString();
    }
}
