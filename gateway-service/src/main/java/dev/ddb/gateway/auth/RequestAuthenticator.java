package dev.ddb.gateway.auth;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import dev.ddb.common.region.Regions;
import dev.ddb.common.error.DynamoDbException;

/**
 * Decides whether a request is signed, with DynamoDB's errors for each way it is not. For now any
 * well-formed AWS Signature Version 4 signature with any key is accepted, as DynamoDB Local does;
 * real signature verification will come here.
 */
@Component
public class RequestAuthenticator {

    /** The query parameters of a presigned URL, in the order DynamoDB names the missing ones. */
    private static final List<String> PRESIGNED_PARAMETERS =
            List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date");

    /**
     * @throws DynamoDbException MissingAuthenticationTokenException when the request carries no AWS
     *         Signature Version 4 at all (no Authorization header, or one of another scheme);
     *         IncompleteSignatureException when its signature is malformed;
     *         InvalidSignatureException when it is signed both in the header and in the query
     * @return the region the request is signed for (its credential scope's) and who signed it
     */
    public Requester authenticate(HttpHeaders headers, MultiValueMap<String, String> queryParams) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        boolean presigned = queryParams.containsKey("X-Amz-Algorithm");
        if (authorization != null && presigned) {
            throw SignatureErrors.invalidSignature(
                    "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
        }
        String region;
        if (presigned) {
            checkPresignedQuery(queryParams);
            region = Regions.fromCredential(queryParams.getFirst("X-Amz-Credential"));
        } else if (authorization != null && authorization.trim().startsWith("AWS4-")) {
            boolean hasDate = headers.containsHeader("X-Amz-Date") || headers.containsHeader(HttpHeaders.DATE);
            AuthorizationHeader.check(authorization, hasDate);
            region = Regions.fromAuthorization(authorization);
        } else {
            throw DynamoDbException.missingAuthenticationToken();
        }
        return new Requester(region != null ? region : Regions.DEFAULT_REGION, null);
    }

    /** A presigned URL: {@code ?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=...&X-Amz-Signature=...}. */
    private static void checkPresignedQuery(MultiValueMap<String, String> queryParams) {
        StringBuilder message = new StringBuilder();
        for (String name : PRESIGNED_PARAMETERS) {
            String value = queryParams.getFirst(name);
            if (value == null || value.isEmpty()) {
                message.append("AWS query-string parameters must include '").append(name).append("'. ");
            }
        }
        if (!message.isEmpty()) {
            throw SignatureErrors.incompleteSignature(message.append("Re-examine the query-string parameters.").toString());
        }
    }
}
