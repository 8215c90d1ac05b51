package dev.ddb.gateway.auth;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.region.Regions;

/**
 * Decides whether a request is signed, with DynamoDB's errors for each way it is not. In
 * {@code open} mode any well-formed AWS Signature Version 4 signature with any key is accepted, as
 * DynamoDB Local does; in {@code verify} mode the signature must be the one the signer's secret key
 * (from the principals file) makes of the request received, and the signer is the request's principal.
 */
@Component
public class RequestAuthenticator {

    /** The query parameters of a presigned URL, in the order DynamoDB names the missing ones. */
    private static final List<String> PRESIGNED_PARAMETERS =
            List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date");

    /** The signing name of AWS Lambda's API, whose event source mapping operations the gateway also serves. */
    public static final String LAMBDA_SERVICE = "lambda";

    /** The signing name of Amazon EventBridge's API, whose rule operations the gateway also serves. */
    public static final String EVENTS_SERVICE = "events";

    /** Null in {@code open} mode. */
    private final SignatureVerifier verifier;
    /** For requests to EventBridge's API (credential scope {@code events}); null in {@code open} mode. */
    private final SignatureVerifier eventsVerifier;
    /** For requests to Lambda's API (credential scope {@code lambda}); null in {@code open} mode. */
    private final SignatureVerifier lambdaVerifier;

    @Autowired
    public RequestAuthenticator(AuthProperties properties) {
        this(properties, Clock.systemUTC());
    }

    RequestAuthenticator(AuthProperties properties, Clock clock) {
        if (properties.mode() == AuthMode.VERIFY) {
            PrincipalsFile principals = new PrincipalsFile(properties.principalsFile());
            verifier = new SignatureVerifier(principals::byAccessKeyId, clock);
            lambdaVerifier = new SignatureVerifier(principals::byAccessKeyId, clock, LAMBDA_SERVICE);
            eventsVerifier = new SignatureVerifier(principals::byAccessKeyId, clock, EVENTS_SERVICE);
        } else {
            verifier = null;
            lambdaVerifier = null;
            eventsVerifier = null;
        }
    }

    /** Open mode. */
    RequestAuthenticator() {
        this(AuthProperties.open());
    }

    /**
     * @throws DynamoDbException MissingAuthenticationTokenException when the request carries no AWS
     *         Signature Version 4 at all (no Authorization header, or one of another scheme);
     *         IncompleteSignatureException when its signature is malformed;
     *         InvalidSignatureException when it is signed both in the header and in the query, and in
     *         {@code verify} mode when the signature is wrong, out of its time or of another scope;
     *         UnrecognizedClientException in {@code verify} mode when the access key is nobody's
     * @return the region the request is signed for (its credential scope's) and who signed it (null
     *         in {@code open} mode)
     */
    public Requester authenticate(ReceivedRequest request) {
        return authenticate(request, verifier);
    }

    /** The same for a request to Lambda's API: in {@code verify} mode its credential scope must name {@code lambda}. */
    public Requester authenticateLambda(ReceivedRequest request) {
        return authenticate(request, lambdaVerifier);
    }

    /** The same for a request to EventBridge's API: in {@code verify} mode its credential scope must name {@code events}. */
    public Requester authenticateEvents(ReceivedRequest request) {
        return authenticate(request, eventsVerifier);
    }

    private static Requester authenticate(ReceivedRequest request, SignatureVerifier verifier) {
        HttpHeaders headers = request.headers();
        MultiValueMap<String, String> queryParams = request.queryParameters();
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        boolean presigned = queryParams.containsKey("X-Amz-Algorithm");
        if (authorization != null && presigned) {
            throw SignatureErrors.invalidSignature(
                    "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
        }
        String credential;
        Principal principal = null;
        if (presigned) {
            checkPresignedQuery(queryParams, verifier != null);
            credential = queryParams.getFirst("X-Amz-Credential");
            if (verifier != null) {
                principal = verifier.verify(request, new SigningParameters(credential,
                        queryParams.getFirst("X-Amz-SignedHeaders"), queryParams.getFirst("X-Amz-Signature"),
                        queryParams.getFirst("X-Amz-Date"), queryParams.getFirst("X-Amz-Expires"), true));
            }
        } else if (authorization != null && authorization.trim().startsWith("AWS4-")) {
            String date = headers.getFirst("X-Amz-Date");
            if (date == null) {
                date = headers.getFirst(HttpHeaders.DATE);
            }
            Map<String, String> parameters = AuthorizationHeader.check(authorization, date != null);
            credential = parameters.get("Credential");
            if (verifier != null) {
                if (date == null) {
                    throw SignatureErrors.incompleteSignature("Authorization header requires existence of either a "
                            + "'X-Amz-Date' or a 'Date' header. Authorization=" + authorization);
                }
                principal = verifier.verify(request, new SigningParameters(credential, parameters.get("SignedHeaders"),
                        parameters.get("Signature"), date, null, false));
            }
        } else {
            throw DynamoDbException.missingAuthenticationToken();
        }
        // Open mode checks the signature's form only: its parts are not split further than the region.
        String region = Regions.fromCredential(credential);
        return new Requester(region != null ? region : Regions.DEFAULT_REGION, principal);
    }

    /** A presigned URL: {@code ?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=...&X-Amz-Signature=...}. */
    private static void checkPresignedQuery(MultiValueMap<String, String> queryParams, boolean verified) {
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
        if (!verified) {
            return; // open mode: as before verification existed
        }
        String algorithm = queryParams.getFirst("X-Amz-Algorithm");
        if (!AuthorizationHeader.ALGORITHM.equals(algorithm)) {
            throw SignatureErrors.incompleteSignature("Unsupported AWS 'algorithm': '" + algorithm
                    + "' (only " + AuthorizationHeader.ALGORITHM + " for now). ");
        }
        String credential = queryParams.getFirst("X-Amz-Credential");
        if (credential.split("/").length != 5) {
            throw SignatureErrors.incompleteSignature("Credential must have exactly 5 slash-delimited elements, "
                    + "e.g. keyid/date/region/service/term, got '" + credential + "'");
        }
    }
}
