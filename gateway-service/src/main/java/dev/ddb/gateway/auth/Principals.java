package dev.ddb.gateway.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

import dev.ddb.common.json.Json;

/**
 * The principals file's content, checked as a whole:
 * <pre>{"accountId": "123456789012",
 *  "principals": [{"name": "alice", "accessKeyId": "AKIAALICE", "secretAccessKey": "...", "policies": [...]}]}</pre>
 * Every message names the file and the entry, never a secret (a JSON syntax error names only its
 * line and column, since the parser's own message may quote the text around it).
 */
final class Principals {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** IAM's user names: the name goes into the principal's ARN. */
    private static final Pattern USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    /** IAM's access key IDs are 16 to 128 word characters; shorter ones are allowed here for readable examples. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w{1,128}");

    private final Map<String, PrincipalKey> byAccessKeyId;

    private Principals(Map<String, PrincipalKey> byAccessKeyId) {
        this.byAccessKeyId = Map.copyOf(byAccessKeyId);
    }

    Optional<PrincipalKey> byAccessKeyId(String accessKeyId) {
        return Optional.ofNullable(byAccessKeyId.get(accessKeyId));
    }

    int size() {
        return byAccessKeyId.size();
    }

    /** @throws InvalidPrincipalsException saying what is wrong and where, without any secret */
    static Principals parse(byte[] json, String source) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new InvalidPrincipalsException(source + " is not valid JSON"
                    + (at != null ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : ""));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPrincipalsException(source + " must hold a JSON object with \"accountId\" and \"principals\"");
        }
        String accountId = text(root, "accountId");
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new InvalidPrincipalsException(source + ": \"accountId\" must be a 12-digit AWS account ID");
        }
        JsonNode entries = root.get("principals");
        if (entries == null || !entries.isArray()) {
            throw new InvalidPrincipalsException(source + ": \"principals\" must be an array of principals");
        }
        Map<String, PrincipalKey> byAccessKeyId = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            PrincipalKey key = principal(entries.get(i), accountId, source + ": principals[" + i + "]");
            String name = key.principal().name();
            if (!names.add(name)) {
                throw new InvalidPrincipalsException(source + ": principals[" + i + "]: the name \"" + name
                        + "\" is given twice");
            }
            PrincipalKey earlier = byAccessKeyId.putIfAbsent(key.principal().accessKeyId(), key);
            if (earlier != null) {
                throw new InvalidPrincipalsException(source + ": principals[" + i + "] (" + name + "): access key ID \""
                        + key.principal().accessKeyId() + "\" is already " + earlier.principal().name() + "'s");
            }
        }
        return new Principals(byAccessKeyId);
    }

    private static PrincipalKey principal(JsonNode entry, String accountId, String where) {
        if (entry == null || !entry.isObject()) {
            throw new InvalidPrincipalsException(where + " must be an object");
        }
        String name = required(entry, "name", where);
        if (!USER_NAME.matcher(name).matches()) {
            throw new InvalidPrincipalsException(where + ": \"name\" must be an IAM user name "
                    + "(1 to 64 letters, digits and _+=,.@-)");
        }
        where = where + " (" + name + ")";
        String accessKeyId = required(entry, "accessKeyId", where);
        if (!ACCESS_KEY_ID.matcher(accessKeyId).matches()) {
            throw new InvalidPrincipalsException(where + ": \"accessKeyId\" must be 1 to 128 letters, digits or _");
        }
        String secret = required(entry, "secretAccessKey", where);
        List<JsonNode> policies = new ArrayList<>();
        JsonNode documents = entry.get("policies");
        if (documents != null && !documents.isNull()) {
            if (!documents.isArray()) {
                throw new InvalidPrincipalsException(where + ": \"policies\" must be an array of IAM policy documents");
            }
            for (int p = 0; p < documents.size(); p++) {
                if (!documents.get(p).isObject()) {
                    throw new InvalidPrincipalsException(where + ": policies[" + p + "] must be an IAM policy document "
                            + "(a JSON object)");
                }
                policies.add(documents.get(p));
            }
        }
        return new PrincipalKey(new Principal(name, accessKeyId, accountId, policies), secret);
    }

    private static String required(JsonNode entry, String field, String where) {
        String value = text(entry, field);
        if (value == null || value.isEmpty()) {
            throw new InvalidPrincipalsException(where + ": \"" + field + "\" is missing (a non-empty string)");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    /** The principals file cannot be used; the message says why, without any secret. */
    static final class InvalidPrincipalsException extends RuntimeException {
        InvalidPrincipalsException(String message) {
            super(message);
        }
    }
}
