package dev.ddb.gateway.auth;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The canonical request of AWS Signature Version 4, built from the bytes received: method, path
 * (normalized, then URI-encoded again as every service but S3 signs it), query string (each name and
 * value URI-encoded, sorted, without a presigned request's own {@code X-Amz-Signature}), the signed
 * headers (lower-case names, values trimmed and inner runs of spaces made one, repeated headers
 * joined with commas), the list of signed headers and the hashed payload.
 */
final class CanonicalRequest {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private CanonicalRequest() {
    }

    static String of(ReceivedRequest request, SigningParameters signing, String hashedPayload) {
        StringBuilder canonical = new StringBuilder(512);
        canonical.append(request.method()).append('\n');
        canonical.append(path(request.rawPath())).append('\n');
        canonical.append(query(request.rawQuery(), signing.presigned())).append('\n');
        for (String name : signing.signedHeaderNames()) {
            canonical.append(name).append(':').append(headerValue(request, name)).append('\n');
        }
        canonical.append('\n').append(signing.signedHeaders()).append('\n');
        canonical.append(hashedPayload);
        return canonical.toString();
    }

    private static String path(String rawPath) {
        String normalized;
        try {
            normalized = URI.create(rawPath).normalize().getRawPath();
        } catch (IllegalArgumentException e) {
            normalized = rawPath; // not a valid URI path: sign it as it is, the signature will not match
        }
        if (normalized == null || normalized.isEmpty()) {
            normalized = "/";
        }
        // The SDKs encode the already encoded path once more (S3 aside), so the canonical form does too.
        return UriEncoding.encode(normalized, true);
    }

    private static String query(String rawQuery, boolean presigned) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = UriEncoding.decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : UriEncoding.decode(pair.substring(equals + 1));
            if (presigned && name.equals("X-Amz-Signature")) {
                continue;
            }
            parameters.add(Map.entry(UriEncoding.encode(name, false), UriEncoding.encode(value, false)));
        }
        parameters.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        StringBuilder query = new StringBuilder(rawQuery.length() + 16);
        for (Map.Entry<String, String> parameter : parameters) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(parameter.getKey()).append('=').append(parameter.getValue());
        }
        return query.toString();
    }

    /** Most values have none: then the regular expression is not worth its cost. */
    private static boolean hasRunsOfSpaces(String value) {
        for (int i = 1; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i)) && (value.charAt(i) != ' ' || Character.isWhitespace(value.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static String headerValue(ReceivedRequest request, String name) {
        List<String> values = request.headers().get(name);
        if (values == null) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            if (!joined.isEmpty()) {
                joined.append(',');
            }
            String trimmed = value.strip();
            joined.append(hasRunsOfSpaces(trimmed) ? SPACES.matcher(trimmed).replaceAll(" ") : trimmed);
        }
        return joined.toString();
    }
}
