package dev.ddb.stream.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    @Test
    void areDecimalWithAtLeast21DigitsLikeDynamoDbs() {
        assertThat(SequenceNumbers.of(0, 42)).isEqualTo("100000000000000000042");
        assertThat(SequenceNumbers.of(3, 0)).isEqualTo("400000000000000000000");
        assertThat(SequenceNumbers.of(12, Long.MAX_VALUE)).hasSizeBetween(21, 40).containsOnlyDigits();
    }

    @Test
    void sortAsTextAndAsNumbersWithinAShard() {
        String earlier = SequenceNumbers.of(2, 9);
        String later = SequenceNumbers.of(2, 10);
        assertThat(earlier).isLessThan(later).hasSameSizeAs(later);
        assertThat(new java.math.BigInteger(earlier)).isLessThan(new java.math.BigInteger(later));
    }

    @Test
    void readBackAsShardAndOffset() {
        assertThat(SequenceNumbers.parse(SequenceNumbers.of(7, 123456789L)))
                .contains(new SequenceNumbers.Position(7, 123456789L));
        assertThat(SequenceNumbers.parse(SequenceNumbers.of(0, Long.MAX_VALUE)))
                .contains(new SequenceNumbers.Position(0, Long.MAX_VALUE));
    }

    @Test
    void textThatIsNoSequenceNumberOfOursIsRejected() {
        assertThat(SequenceNumbers.parse("00000000000000000000042")).isEmpty(); // shard would be -1
        assertThat(SequenceNumbers.parse("12345678901234567890x")).isEmpty();
        assertThat(SequenceNumbers.parse("")).isEmpty();
        assertThat(SequenceNumbers.parse("1" + "9".repeat(39))).isEmpty(); // offset beyond a long
    }
}
