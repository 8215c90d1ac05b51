package dev.ddb.common.request;

import java.util.Base64;

import dev.ddb.common.error.DynamoDbException;

/** Blob members are base64 text, checked strictly (padding included) with DynamoDB's messages. */
public final class Base64Text {

    private Base64Text() {
    }

    /** Decodes strict base64 or answers DynamoDB's SerializationException. */
    public static byte[] decode(String text) {
        requireStrict(text);
        return Base64.getDecoder().decode(text);
    }

    static void requireStrict(String text) {
        String prefix = "'" + text + "' can not be converted to a Blob: ";
        if (text.length() % 4 != 0) {
            throw DynamoDbException.serialization(prefix
                    + "Base64 encoded length is expected a multiple of 4 bytes but found: " + text.length());
        }
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        for (int i = 0; i < text.length() - padding; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
                throw DynamoDbException.serialization(prefix + "Invalid Base64 character: '" + c + "'");
            }
        }
        // The bits after the last byte must be zero, or the text is not the encoding of any bytes.
        if (padding > 0 && Base64.getEncoder().encodeToString(Base64.getDecoder().decode(text)).compareTo(text) != 0) {
            throw DynamoDbException.serialization(prefix + "Invalid last non-pad Base64 character dectected");
        }
    }
}
