package dev.ddb.common.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.ddb.common.attribute.AttributeValue;

class KeyEncodingTest {

    private static byte[] n(String v) {
        return KeyEncoding.encode(new AttributeValue.N(new BigDecimal(v)), null);
    }

    private static byte[] s(String v) {
        return KeyEncoding.encode(new AttributeValue.S(v), null);
    }

    private static byte[] b(int... v) {
        byte[] bytes = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            bytes[i] = (byte) v[i];
        }
        return KeyEncoding.encode(new AttributeValue.B(bytes), null);
    }

    @Test
    void numbersSortByValue() {
        List<String> ascending = List.of("-1E+125", "-1000", "-100.5", "-100", "-99.99", "-10", "-1.01", "-1",
                "-0.5", "-1E-130", "0", "1E-130", "0.001", "0.5", "1", "1.01", "9", "10", "99.99", "100",
                "100.5", "1000", "12345678901234567890123456789012345678", "9.9999999999999999999999999999999999999E+125");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            assertThat(UnsignedBytes.compare(n(ascending.get(i)), n(ascending.get(i + 1))))
                    .as("%s < %s", ascending.get(i), ascending.get(i + 1)).isNegative();
        }
    }

    @Test
    void numbersSortByValueForRandomValues() {
        Random random = new Random(42);
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            values.add(new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(40) - 20));
        }
        List<BigDecimal> byEncoding = new ArrayList<>(values);
        byEncoding.sort((x, y) -> UnsignedBytes.compare(n(x.toString()), n(y.toString())));
        Collections.sort(values);
        for (int i = 0; i < values.size(); i++) {
            assertThat(byEncoding.get(i)).isEqualByComparingTo(values.get(i));
        }
    }

    @Test
    void equalNumbersEncodeIdentically() {
        assertThat(n("1.50")).isEqualTo(n("1.5"));
        assertThat(n("100")).isEqualTo(n("1E+2"));
        assertThat(n("-0.0")).isEqualTo(n("0"));
    }

    @Test
    void stringsSortByUtf8Bytes() {
        List<String> ascending = List.of("", "\u0000", "\u0000a", "A", "Z", "a", "a\u0000", "a\u0000b", "aa", "ab", "b", "\u00e9", "\uffff");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            assertThat(UnsignedBytes.compare(s(ascending.get(i)), s(ascending.get(i + 1))))
                    .as("%s < %s", ascending.get(i), ascending.get(i + 1)).isNegative();
        }
    }

    @Test
    void binariesSortAsUnsignedBytes() {
        assertThat(UnsignedBytes.compare(b(0x01), b(0x7F))).isNegative();
        assertThat(UnsignedBytes.compare(b(0x7F), b(0x80))).isNegative();
        assertThat(UnsignedBytes.compare(b(0x80), b(0xFF))).isNegative();
        assertThat(UnsignedBytes.compare(b(0x00), b(0x00, 0x00))).isNegative();
        assertThat(UnsignedBytes.compare(b(0x01), b(0x01, 0x00))).isNegative();
    }

    @Test
    void partitionPrefixCoversExactlyTheItemsOfThePartition() {
        AttributeValue a = new AttributeValue.S("a");
        AttributeValue ab = new AttributeValue.S("ab");
        byte[] prefix = KeyEncoding.partitionPrefix(a);
        assertThat(UnsignedBytes.startsWith(KeyEncoding.encode(a, new AttributeValue.N(BigDecimal.ONE)), prefix)).isTrue();
        assertThat(UnsignedBytes.startsWith(KeyEncoding.encode(ab, new AttributeValue.N(BigDecimal.ONE)), prefix)).isFalse();
    }

    @Test
    void sortKeysOrderWithinAPartition() {
        AttributeValue p = new AttributeValue.S("p");
        byte[] low = KeyEncoding.encode(p, new AttributeValue.N(new BigDecimal("-5")));
        byte[] high = KeyEncoding.encode(p, new AttributeValue.N(new BigDecimal("3")));
        assertThat(UnsignedBytes.compare(low, high)).isNegative();
    }

    @Test
    void sortKeyPrefixCoversExactlyTheSortKeysThatBeginWithIt() {
        AttributeValue p = new AttributeValue.S("p");
        byte[] prefix = KeyEncoding.sortKeyPrefix(p, new AttributeValue.S("ab"));
        for (String yes : List.of("ab", "abc", "ab\u0000", "ab\uffff")) {
            assertThat(UnsignedBytes.startsWith(KeyEncoding.encode(p, new AttributeValue.S(yes)), prefix)).as(yes).isTrue();
        }
        for (String no : List.of("a", "b", "aab", "a\u0000b")) {
            assertThat(UnsignedBytes.startsWith(KeyEncoding.encode(p, new AttributeValue.S(no)), prefix)).as(no).isFalse();
        }
    }
}
