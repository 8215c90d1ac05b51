package dev.ddb.common.request;

import java.util.Base64;

import dev.ddb.common.error.DynamoDbException;

/**
 * Blob members are base64 text, checked strictly (padding included) with the messages of
 * DynamoDB's deserializer (dynalite's test/helpers.js, assertType 'Blob').
 */
public final class Base64Text {

    private static final String NOT_LAST = "Invalid last non-pad Base64 character dectected";

    private Base64Text() {
    }

    /** Decodes strict base64 or answers DynamoDB's SerializationException. */
    public static byte[] decode(String text) {
        requireStrict(text);
        return Base64.getDecoder().decode(text);
    }

    static void requireStrict(String text) {
        int length = text.length();
        if (length % 4 != 0) {
            throw DynamoDbException.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: " + length);
        }
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        for (int i = 0; i < length - padding; i++) {
            char c = text.charAt(i);
            if (c == '=') {
                throw DynamoDbException.serialization(NOT_LAST);
            }
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
                throw DynamoDbException.serialization("Invalid Base64 character: '" + c + "'");
            }
        }
        // The bits after the last byte must be zero, or the text is not the encoding of any bytes.
        if (padding > 0 && unusedBits(text.charAt(length - padding - 1), padding) != 0) {
            throw DynamoDbException.serialization(NOT_LAST);
        }
    }

    /** The bits of the last character before the padding that encode no byte: 4 with "==", 2 with "=". */
    private static int unusedBits(char c, int padding) {
        int sextet = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26
                : c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : 63;
        return sextet & (padding == 2 ? 0x0F : 0x03);
    }
}
