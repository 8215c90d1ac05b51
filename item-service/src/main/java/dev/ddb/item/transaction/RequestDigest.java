package dev.ddb.item.transaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A SHA-256 of a request part, independent of the order of object members: two requests a
 * ClientRequestToken was used with are the same request when their digests are equal.
 */
public final class RequestDigest {

    private RequestDigest() {
    }

    public static byte[] of(JsonNode node) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, node);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            Collections.sort(names);
            digest.update((byte) '{');
            for (String name : names) {
                text(digest, name);
                update(digest, node.get(name));
            }
            digest.update((byte) '}');
        } else if (node.isArray()) {
            digest.update((byte) '[');
            for (JsonNode element : node) {
                update(digest, element);
            }
            digest.update((byte) ']');
        } else {
            digest.update((byte) node.getNodeType().ordinal());
            text(digest, node.isString() ? node.stringValue() : node.toString());
        }
    }

    /** Length-prefixed, so no two different sequences of texts digest alike. */
    private static void text(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
                (byte) bytes.length});
        digest.update(bytes);
    }
}
