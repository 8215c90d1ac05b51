package dev.ddb.gateway.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The few ASN.1 DER encodings an X.509 certificate is made of (ITU-T X.690), each value returned whole:
 * tag, length and contents. Just enough for {@link SelfSignedCertificate}; the JDK parses and checks
 * what comes out of it.
 */
final class Der {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private Der() {
    }

    static byte[] sequence(byte[]... elements) {
        return tagged(0x30, concat(elements));
    }

    static byte[] set(byte[]... elements) {
        return tagged(0x31, concat(elements));
    }

    static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray()); // two's complement, minimal: DER's own form
    }

    static byte[] bool(boolean value) {
        return tagged(0x01, new byte[] {(byte) (value ? 0xFF : 0x00)});
    }

    static byte[] octetString(byte[] contents) {
        return tagged(0x04, contents);
    }

    /** A bit string of whole bytes (a key, a signature). */
    static byte[] bitString(byte[] contents) {
        return tagged(0x03, concat(new byte[] {0}, contents));
    }

    /** A named bit list such as KeyUsage: bit 0 is the first byte's high bit; trailing zero bits are left out. */
    static byte[] namedBits(int... bits) {
        int highest = 0;
        for (int bit : bits) {
            highest = Math.max(highest, bit);
        }
        byte[] contents = new byte[1 + highest / 8 + 1];
        contents[0] = (byte) (7 - highest % 8); // unused bits in the last byte
        for (int bit : bits) {
            contents[1 + bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return tagged(0x03, contents);
    }

    static byte[] utf8String(String value) {
        return tagged(0x0C, value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] objectIdentifier(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, Long.parseLong(arcs[i]));
        }
        return tagged(0x06, out.toByteArray());
    }

    /** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
    static byte[] time(ZonedDateTime time) {
        ZonedDateTime utc = time.withZoneSameInstant(ZoneOffset.UTC);
        return utc.getYear() < 2050
                ? tagged(0x17, UTC_TIME.format(utc).getBytes(StandardCharsets.US_ASCII))
                : tagged(0x18, GENERALIZED_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
    }

    /** [number] EXPLICIT: the whole inner value inside a constructed context-specific tag. */
    static byte[] explicit(int number, byte[] inner) {
        return tagged(0xA0 | number, inner);
    }

    /** [number] IMPLICIT of a primitive type: the contents under a context-specific tag. */
    static byte[] implicit(int number, byte[] contents) {
        return tagged(0x80 | number, contents);
    }

    private static byte[] tagged(int tag, byte[] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(contents.length + 6);
        out.write(tag);
        int length = contents.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(contents);
        return out.toByteArray();
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(value) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            out.write((int) ((value >>> (7 * i)) & 0x7F) | (i > 0 ? 0x80 : 0));
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
