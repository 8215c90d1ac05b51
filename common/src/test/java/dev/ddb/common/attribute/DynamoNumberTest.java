package dev.ddb.common.attribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.ddb.common.error.DynamoDbException;

class DynamoNumberTest {

    @Test
    void significantDigitsIgnoreSignPointExponentAndOuterZeros() {
        assertThat(DynamoNumber.significantDigits("-000123.4500e-7")).isEqualTo(5);
        assertThat(DynamoNumber.significantDigits("0.000")).isZero();
        assertThat(DynamoNumber.significantDigits("1" + "0".repeat(100))).isEqualTo(1);
        assertThat(DynamoNumber.significantDigits("1.2.3")).isZero();
        assertThat(DynamoNumber.significantDigits("12e")).isZero();
        assertThat(DynamoNumber.significantDigits(".5")).isEqualTo(1);
    }

    @Test
    void aNumberOfHalfAMillionDigitsIsRefusedAtOnce() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> DynamoNumber.parse("1".repeat(500_001)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Attempting to store more than 38 significant digits in a Number"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThatThrownBy(() -> DynamoNumber.parse("1".repeat(500_001) + ".x"))
                .hasMessage("The parameter cannot be converted to a numeric value: " + "1".repeat(500_001) + ".x");
    }

    @Test
    void numbersWithinTheLimitsParseAsBefore() {
        assertThat(DynamoNumber.parse("12345678901234567890123456789012345678")).isEqualTo(new BigDecimal("12345678901234567890123456789012345678"));
        assertThat(DynamoNumber.parse("0000.10000")).isEqualTo(new BigDecimal("0.1"));
        assertThatThrownBy(() -> DynamoNumber.parse("123456789012345678901234567890123456789"))
                .hasMessage("Attempting to store more than 38 significant digits in a Number");
    }

    /** Exponents beyond BigDecimal's int: still DynamoDB's overflow or underflow, not "cannot be converted". */
    @Test
    void anExponentBeyondBigDecimalsRangeIsAnOverflowOrUnderflow() {
        String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
        String underflow = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
        assertThatThrownBy(() -> DynamoNumber.parse("1e99999999999")).hasMessage(overflow);
        assertThatThrownBy(() -> DynamoNumber.parse("-1e99999999999")).hasMessage(overflow);
        assertThatThrownBy(() -> DynamoNumber.parse("1e2147483648")).hasMessage(overflow);
        assertThatThrownBy(() -> DynamoNumber.parse("1.5E+99999999999")).hasMessage(overflow);
        assertThatThrownBy(() -> DynamoNumber.parse("1e-99999999999")).hasMessage(underflow);
        assertThatThrownBy(() -> DynamoNumber.parse("1e-2147483648")).hasMessage(underflow);
        // at the edge of BigDecimal's scale: stripping trailing zeros overflowed it (an ArithmeticException), or
        // the adjusted exponent wrapped round to an underflow
        assertThatThrownBy(() -> DynamoNumber.parse("100e2147483647")).hasMessage(overflow);
        assertThatThrownBy(() -> DynamoNumber.parse("10e2147483647")).hasMessage(overflow);
        assertThatThrownBy(() -> DynamoNumber.parse("1e2147483647")).hasMessage(overflow);
        assertThatThrownBy(() -> DynamoNumber.parse("0.01e-2147483647")).hasMessage(underflow);
        assertThatThrownBy(() -> DynamoNumber.parse("1e999999999")).hasMessage(overflow);
        assertThat(DynamoNumber.parse("0e99999999999")).isEqualTo(BigDecimal.ZERO);
        assertThat(DynamoNumber.parse("-0.00e-99999999999")).isEqualTo(BigDecimal.ZERO);
        assertThatThrownBy(() -> DynamoNumber.parse("1e99999999999x"))
                .hasMessage("The parameter cannot be converted to a numeric value: 1e99999999999x");
        assertThatThrownBy(() -> DynamoNumber.parse("")).hasMessage("The parameter cannot be converted to a numeric value: ");
    }
}
