package dev.ddb.gateway.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ddb.common.error.DynamoDbException;

/**
 * Checks that an {@code Authorization} header is a well-formed AWS Signature Version 4 header,
 * {@code AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request,
 * SignedHeaders=<names>, Signature=<hex>}, with DynamoDB's IncompleteSignatureException messages,
 * in the order DynamoDB checks: key=value pairs, required parameters, algorithm, credential scope.
 * Whether the signature is right is {@link SignatureVerifier}'s question.
 */
final class AuthorizationHeader {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private static final List<String> REQUIRED = List.of("Credential", "Signature", "SignedHeaders");

    private AuthorizationHeader() {
    }

    /**
     * @param hasDate whether the request has an {@code X-Amz-Date} or {@code Date} header; DynamoDB
     *                requires one, but its absence alone is tolerated here (hand-made requests
     *                omit it, and {@code open} mode does not verify the signature); it is named in
     *                the message of a header that is incomplete anyway, as DynamoDB names it
     * @return the header's parameters by name ({@code Credential}, {@code SignedHeaders}, {@code Signature})
     * @throws DynamoDbException IncompleteSignatureException when the header is not well formed
     */
    static Map<String, String> check(String header, boolean hasDate) {
        // Parameters are separated by commas and/or spaces; the first word is the algorithm.
        List<String> words = words(header.trim());
        String algorithm = words.isEmpty() ? "" : words.remove(0);
        Map<String, String> parameters = new HashMap<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals < 0) {
                throw SignatureErrors.incompleteSignature("'" + word
                        + "' not a valid key=value pair (missing equal-sign) in Authorization header: '" + header + "'.");
            }
            parameters.put(word.substring(0, equals), word.substring(equals + 1));
        }
        checkRequiredParameters(header, parameters, hasDate);
        if (!ALGORITHM.equals(algorithm)) {
            throw SignatureErrors.incompleteSignature("Unsupported AWS 'algorithm': '" + algorithm
                    + "' (only " + ALGORITHM + " for now). ");
        }
        String credential = parameters.get("Credential");
        // keyid/date/region/service/aws4_request; trailing slashes are ignored, as split ignores them.
        if (credential.split("/").length != 5) {
            throw SignatureErrors.incompleteSignature("Credential must have exactly 5 slash-delimited elements, "
                    + "e.g. keyid/date/region/service/term, got '" + credential + "'");
        }
        return parameters;
    }

    /**
     * The header's words: what runs of commas and spaces separate. The same words as
     * {@code Pattern.compile("[, ]+").split(header)} (an empty first word when the header starts
     * with a separator, at least one word), without a regular expression: every request is checked.
     */
    static List<String> words(String header) {
        List<String> words = new ArrayList<>(4);
        int length = header.length();
        if (length == 0) {
            words.add("");
            return words;
        }
        boolean leadingSeparator = isSeparator(header.charAt(0));
        int i = 0;
        while (i < length) {
            while (i < length && isSeparator(header.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && !isSeparator(header.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(header.substring(start, i));
            }
        }
        if (leadingSeparator && !words.isEmpty()) {
            words.add(0, "");
        }
        return words;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ';
    }

    private static void checkRequiredParameters(String header, Map<String, String> parameters, boolean hasDate) {
        StringBuilder message = new StringBuilder();
        for (String name : REQUIRED) {
            String value = parameters.get(name);
            // SignedHeaders may be empty at this stage; Credential and Signature may not.
            if (value == null || (value.isEmpty() && !name.equals("SignedHeaders"))) {
                message.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (message.isEmpty()) {
            return;
        }
        if (!hasDate) {
            message.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        throw SignatureErrors.incompleteSignature(message.append("Authorization=").append(header).toString());
    }
}
