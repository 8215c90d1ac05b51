package dev.ddb.gateway.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A request as it came off the wire, which is what a signature covers: the method, the path and
 * query string still URI-encoded as sent, every header with every value it was sent with, the body.
 *
 * @param rawQuery the query string after {@code ?}, as sent; empty when there is none
 */
public record ReceivedRequest(String method, String rawPath, String rawQuery, HttpHeaders headers, byte[] body) {

    public ReceivedRequest {
        rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    /** From a request line's target, e.g. {@code /?X-Amz-Algorithm=...}. */
    public static ReceivedRequest of(String method, String requestTarget, HttpHeaders headers, byte[] body) {
        if (!requestTarget.startsWith("/")) { // absolute form, http://host/path?query
            int path = requestTarget.indexOf('/', requestTarget.indexOf("//") + 2);
            requestTarget = path < 0 ? "/" : requestTarget.substring(path);
        }
        int question = requestTarget.indexOf('?');
        return question < 0
                ? new ReceivedRequest(method, requestTarget, "", headers, body)
                : new ReceivedRequest(method, requestTarget.substring(0, question), requestTarget.substring(question + 1),
                        headers, body);
    }

    /** The query parameters, decoded ({@code +} is a space, as in a form), in the order sent. */
    public MultiValueMap<String, String> queryParameters() {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        if (rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(UriEncoding.decode(name), UriEncoding.decode(value));
        }
        return parameters;
    }
}
