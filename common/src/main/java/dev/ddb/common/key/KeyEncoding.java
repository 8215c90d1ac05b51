package dev.ddb.common.key;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.DynamoNumber;

/**
 * An order-preserving byte encoding of primary keys: comparing two encodings as unsigned bytes
 * gives the order DynamoDB sorts keys in (numbers by value, strings and binaries by their bytes).
 * Each component is self-delimiting, so all items of one partition share the encoding of the
 * partition key as a prefix and a Query is a range scan.
 */
public final class KeyEncoding {

    private static final int NEGATIVE = 0x40;
    private static final int ZERO = 0x80;
    private static final int POSITIVE = 0xC0;
    private static final int EXPONENT_BIAS = 0x8000;

    private KeyEncoding() {
    }

    /** The key of an item: partition key, then sort key when the table has one (null otherwise). */
    public static byte[] encode(AttributeValue partitionKey, AttributeValue sortKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        write(out, partitionKey);
        if (sortKey != null) {
            write(out, sortKey);
        }
        return out.toByteArray();
    }

    /** The prefix every key of one partition starts with. */
    public static byte[] partitionPrefix(AttributeValue partitionKey) {
        return encode(partitionKey, null);
    }

    /**
     * The bytes every key starts with whose partition key is {@code partitionKey} and whose sort key
     * (a string or binary) begins with {@code sortKeyPrefix}: begins_with as a range scan.
     */
    public static byte[] sortKeyPrefix(AttributeValue partitionKey, AttributeValue sortKeyPrefix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        write(out, partitionKey);
        byte[] bytes = sortKeyPrefix instanceof AttributeValue.S s
                ? s.value().getBytes(StandardCharsets.UTF_8)
                : ((AttributeValue.B) sortKeyPrefix).value();
        for (byte b : bytes) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        return out.toByteArray();
    }

    public static void write(ByteArrayOutputStream out, AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            writeBytes(out, s.value().getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof AttributeValue.B b) {
            writeBytes(out, b.value());
        } else if (value instanceof AttributeValue.N n) {
            writeNumber(out, n.value());
        } else {
            throw new IllegalArgumentException("Not a key type: " + value.type());
        }
    }

    /** Bytes with 0x00 escaped as 0x00 0xFF and terminated by 0x00 0x00: prefix-free and order-preserving. */
    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        for (byte b : bytes) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        out.write(0);
        out.write(0);
    }

    /**
     * Sign byte; then for a positive number its exponent (two bytes, biased) and its significant
     * digits as bytes 1..10 ended by 0; a negative number writes the complement of the same so
     * that larger magnitudes sort first.
     */
    private static void writeNumber(ByteArrayOutputStream out, BigDecimal value) {
        BigDecimal n = DynamoNumber.canonical(value);
        if (n.signum() == 0) {
            out.write(ZERO);
            return;
        }
        boolean negative = n.signum() < 0;
        String digits = n.unscaledValue().abs().toString();
        int exponent = EXPONENT_BIAS + DynamoNumber.adjustedExponent(n);
        int mask = negative ? 0xFF : 0;
        out.write(negative ? NEGATIVE : POSITIVE);
        out.write(((exponent >>> 8) & 0xFF) ^ mask);
        out.write((exponent & 0xFF) ^ mask);
        for (int i = 0; i < digits.length(); i++) {
            out.write((digits.charAt(i) - '0' + 1) ^ mask);
        }
        out.write(mask);
    }
}
