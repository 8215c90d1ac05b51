package dev.ddb.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class DerTest {

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void lengthsOfOneTwoAndThreeBytes() {
        assertThat(hex(Der.octetString(new byte[0x7F])).substring(0, 4)).isEqualTo("047f");
        assertThat(hex(Der.octetString(new byte[0x80])).substring(0, 6)).isEqualTo("048180");
        assertThat(hex(Der.octetString(new byte[0x100])).substring(0, 8)).isEqualTo("04820100");
    }

    @Test
    void objectIdentifierWithMultiByteArcs() {
        // ecdsa-with-SHA256, as RFC 5758 gives its encoding
        assertThat(hex(Der.objectIdentifier("1.2.840.10045.4.3.2"))).isEqualTo("06082a8648ce3d040302");
    }

    @Test
    void namedBitsLeaveOutTrailingZeroBits() {
        // KeyUsage digitalSignature (0) and keyCertSign (5): 3 bytes, 2 unused bits
        assertThat(hex(Der.namedBits(0, 5))).isEqualTo("03020284");
        assertThat(hex(Der.namedBits(0))).isEqualTo("03020780");
    }

    @Test
    void integersAreTwosComplementAndMinimal() {
        assertThat(hex(Der.integer(BigInteger.valueOf(2)))).isEqualTo("020102");
        assertThat(hex(Der.integer(BigInteger.valueOf(128)))).isEqualTo("02020080"); // a leading zero keeps it positive
    }

    @Test
    void utcTimeUntil2049ThenGeneralizedTimeBothInUtc() {
        byte[] utc = Der.time(ZonedDateTime.of(2050, 1, 1, 1, 59, 59, 0, ZoneOffset.ofHours(2))); // 2049-12-31T23:59:59Z
        byte[] generalized = Der.time(ZonedDateTime.of(2050, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(utc[0]).isEqualTo((byte) 0x17);
        assertThat(new String(utc, 2, utc.length - 2, StandardCharsets.US_ASCII)).isEqualTo("491231235959Z");
        assertThat(generalized[0]).isEqualTo((byte) 0x18);
        assertThat(new String(generalized, 2, generalized.length - 2, StandardCharsets.US_ASCII)).isEqualTo("20500101000000Z");
    }
}
