package dev.ddb.gateway.auth;

import java.util.List;

/**
 * What a request says about its signature, from its {@code Authorization} header or its presigned
 * query string: who signed it, for which scope ({@code date/region/service/aws4_request}), when,
 * over which headers, and the signature itself.
 *
 * @param credential    the whole credential, {@code <access key>/<date>/<region>/<service>/aws4_request}
 * @param signedHeaders the lower-case header names as the signer listed them ({@code host;x-amz-date})
 * @param requestTime   the signing time as sent ({@code X-Amz-Date}, or the {@code Date} header); null when absent
 * @param expires       a presigned request's {@code X-Amz-Expires} as sent; null when absent or not presigned
 * @param scope         the credential's parts: access key, date, region, service, terminator
 */
record SigningParameters(String credential, String signedHeaders, String signature, String requestTime,
                         String expires, boolean presigned, List<String> scope, List<String> signedHeaderNames) {

    /** Split once: every request needs the parts. */
    SigningParameters(String credential, String signedHeaders, String signature, String requestTime, String expires,
                      boolean presigned) {
        this(credential, signedHeaders, signature, requestTime, expires, presigned, List.of(credential.split("/")),
                signedHeaders.isEmpty() ? List.of() : List.of(signedHeaders.split(";")));
    }

    String accessKeyId() {
        return scope.get(0);
    }

    String scopeDate() {
        return scope.get(1);
    }

    String region() {
        return scope.get(2);
    }

    String service() {
        return scope.get(3);
    }

    String terminator() {
        return scope.get(4);
    }

    /** {@code date/region/service/aws4_request}: the credential without the access key. */
    String credentialScope() {
        return String.join("/", scope.subList(1, 5));
    }
}
