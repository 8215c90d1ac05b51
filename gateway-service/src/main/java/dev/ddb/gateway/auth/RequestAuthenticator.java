package dev.ddb.gateway.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import dev.ddb.common.error.DynamoDbException;

/**
 * Decides whether a request is signed. For now any AWS Signature Version 4 signature with any key
 * is accepted, as DynamoDB Local does; real signature verification will replace this class.
 */
@Component
public class RequestAuthenticator {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** @throws DynamoDbException MissingAuthenticationTokenException when the request carries no signature */
    public void authenticate(HttpHeaders headers, MultiValueMap<String, String> queryParams) {
        if (!signedInHeader(headers) && !presigned(queryParams)) {
            throw DynamoDbException.missingAuthenticationToken();
        }
    }

    /** {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} */
    private static boolean signedInHeader(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null
                && authorization.startsWith(ALGORITHM + " ")
                && authorization.contains("Credential=");
    }

    /** A presigned URL: {@code ?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=...}. */
    private static boolean presigned(MultiValueMap<String, String> queryParams) {
        String credential = queryParams.getFirst("X-Amz-Credential");
        return ALGORITHM.equals(queryParams.getFirst("X-Amz-Algorithm"))
                && credential != null && !credential.isEmpty();
    }
}
