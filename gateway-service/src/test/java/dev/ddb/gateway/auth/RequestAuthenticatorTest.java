package dev.ddb.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.ddb.common.error.DynamoDbException;

class RequestAuthenticatorTest {

    private static final String WELL_FORMED = "AWS4-HMAC-SHA256 Credential=ANYKEY/20250101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=00";
    private static final String DATE_REQUIRED =
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";

    private final RequestAuthenticator authenticator = new RequestAuthenticator();
    private final HttpHeaders headers = new HttpHeaders();
    private final MultiValueMap<String, String> query = new LinkedMultiValueMap<>();

    @Test
    void wellFormedSigV4HeaderWithAnyKeyIsAccepted() {
        headers.set(HttpHeaders.AUTHORIZATION, WELL_FORMED);
        headers.set("X-Amz-Date", "20250101T000000Z");

        assertThatCode(() -> authenticator.authenticate(request())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // no spaces after the commas, and trailing slashes on the credential: both fine for DynamoDB
            "AWS4-HMAC-SHA256 Credential=K/20250101/us-east-1/dynamodb/aws4_request/,SignedHeaders=host,Signature=ab",
            "  AWS4-HMAC-SHA256   Credential=K/20250101/eu-west-1/dynamodb/aws4_request,  SignedHeaders=host, Signature=ab"})
    void spacingOfAWellFormedHeaderDoesNotMatter(String authorization) {
        headers.set(HttpHeaders.AUTHORIZATION, authorization);

        assertThatCode(() -> authenticator.authenticate(request())).doesNotThrowAnyException();
    }

    @Test
    void regionOfTheRequestIsThatOfItsCredentialScope() {
        headers.set(HttpHeaders.AUTHORIZATION, WELL_FORMED.replace("us-east-1", "eu-west-1"));

        assertThat(authenticator.authenticate(request()).region()).isEqualTo("eu-west-1");
    }

    @Test
    void regionOfAPresignedRequestIsThatOfItsCredentialParameter() {
        query.add("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        query.add("X-Amz-Credential", "ANYKEY/20250101/ap-southeast-2/dynamodb/aws4_request");
        query.add("X-Amz-Date", "20250101T000000Z");
        query.add("X-Amz-SignedHeaders", "host");
        query.add("X-Amz-Signature", "00");

        assertThat(authenticator.authenticate(request()).region()).isEqualTo("ap-southeast-2");
    }

    @Test
    void missingDateAloneIsTolerated() {
        headers.set(HttpHeaders.AUTHORIZATION, WELL_FORMED);

        assertThatCode(() -> authenticator.authenticate(request())).doesNotThrowAnyException();
    }

    @Test
    void presignedQueryIsAccepted() {
        query.add("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        query.add("X-Amz-Credential", "ANYKEY/20250101/us-east-1/dynamodb/aws4_request");
        query.add("X-Amz-Date", "20250101T000000Z");
        query.add("X-Amz-SignedHeaders", "host");
        query.add("X-Amz-Signature", "00");

        assertThatCode(() -> authenticator.authenticate(request())).doesNotThrowAnyException();
    }

    @Test
    void requestWithoutSignatureIsMissingAnAuthenticationToken() {
        assertMissingToken();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "Basic dXNlcjpwYXNz", "AWS4", "AWS AKIDEXAMPLE:signature"})
    void authorizationNotStartingWithAws4DashIsNoSignature(String authorization) {
        headers.set(HttpHeaders.AUTHORIZATION, authorization);

        assertMissingToken();
    }

    @Test
    void bareAws4DashNamesEveryMissingPartAsDynamoDbDoes() {
        headers.set(HttpHeaders.AUTHORIZATION, "AWS4-");

        assertIncomplete("Authorization header requires 'Credential' parameter. "
                + "Authorization header requires 'Signature' parameter. "
                + "Authorization header requires 'SignedHeaders' parameter. "
                + DATE_REQUIRED + "Authorization=AWS4-");
    }

    @Test
    void headerWithoutCredentialIsIncomplete() {
        String authorization = "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=00";
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        headers.set("X-Amz-Date", "20250101T000000Z");

        assertIncomplete("Authorization header requires 'Credential' parameter. Authorization=" + authorization);
    }

    @Test
    void headerWithoutSignatureNamesTheDateToo() {
        String authorization = "AWS4-HMAC-SHA256 Credential=K/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host";
        headers.set(HttpHeaders.AUTHORIZATION, authorization);

        assertIncomplete("Authorization header requires 'Signature' parameter. " + DATE_REQUIRED
                + "Authorization=" + authorization);
    }

    @Test
    void emptySignatureCountsAsMissing() {
        String authorization = "AWS4-HMAC-SHA256 Credential=K/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=";
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        headers.set(HttpHeaders.DATE, "Wed, 01 Jan 2025 00:00:00 GMT");

        assertIncomplete("Authorization header requires 'Signature' parameter. Authorization=" + authorization);
    }

    @Test
    void parameterWithoutEqualSignIsNotAKeyValuePair() {
        String authorization = "AWS4-HMAC-SHA256 Signature=b,    Credential,    SignedHeaders";
        headers.set(HttpHeaders.AUTHORIZATION, authorization);

        assertIncomplete("'Credential' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                + authorization + "'.");
    }

    @Test
    void otherAlgorithmIsUnsupported() {
        headers.set(HttpHeaders.AUTHORIZATION, WELL_FORMED.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA25"));

        assertIncomplete("Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). ");
    }

    @Test
    void credentialMustHaveFiveParts() {
        headers.set(HttpHeaders.AUTHORIZATION, "AWS4-HMAC-SHA256 Credential=a/b/c/d, SignedHeaders=host, Signature=00");

        assertIncomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
                + "got 'a/b/c/d'");
    }

    @Test
    void presignedQueryWithoutCredentialIsIncomplete() {
        query.add("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        query.add("X-Amz-Date", "20250101T000000Z");
        query.add("X-Amz-SignedHeaders", "host");

        assertIncomplete("AWS query-string parameters must include 'X-Amz-Credential'. "
                + "AWS query-string parameters must include 'X-Amz-Signature'. "
                + "Re-examine the query-string parameters.");
    }

    @Test
    void signatureInBothHeaderAndQueryIsInvalid() {
        headers.set(HttpHeaders.AUTHORIZATION, WELL_FORMED);
        query.add("X-Amz-Algorithm", "AWS4-HMAC-SHA256");

        assertThatThrownBy(() -> authenticator.authenticate(request()))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.type()).isEqualTo("com.amazon.coral.service#InvalidSignatureException");
                    assertThat(e.getMessage()).isEqualTo(
                            "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    /** The request as received: the query parameters as a query string. */
    private ReceivedRequest request() {
        StringBuilder target = new StringBuilder("/");
        query.forEach((name, values) -> values.forEach(value -> target.append(target.length() == 1 ? '?' : '&')
                .append(UriEncoding.encode(name, false)).append('=').append(UriEncoding.encode(value, false))));
        return ReceivedRequest.of("POST", target.toString(), headers, new byte[0]);
    }

    private void assertIncomplete(String message) {
        assertThatThrownBy(() -> authenticator.authenticate(request()))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.type()).isEqualTo("com.amazon.coral.service#IncompleteSignatureException");
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    private void assertMissingToken() {
        assertThatThrownBy(() -> authenticator.authenticate(request()))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.type()).isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
                    assertThat(e.getMessage()).isEqualTo("Request is missing Authentication Token");
                    assertThat(e.status()).isEqualTo(400);
                });
    }
}
