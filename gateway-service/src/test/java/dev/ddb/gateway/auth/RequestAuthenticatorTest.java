package dev.ddb.gateway.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.ddb.common.error.DynamoDbException;

class RequestAuthenticatorTest {

    private final RequestAuthenticator authenticator = new RequestAuthenticator();
    private final HttpHeaders headers = new HttpHeaders();
    private final MultiValueMap<String, String> query = new LinkedMultiValueMap<>();

    @Test
    void sigV4AuthorizationHeaderWithAnyKeyIsAccepted() {
        headers.set(HttpHeaders.AUTHORIZATION, "AWS4-HMAC-SHA256 Credential=ANYKEY/20250101/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=host, Signature=00");

        assertThatCode(() -> authenticator.authenticate(headers, query)).doesNotThrowAnyException();
    }

    @Test
    void presignedQueryIsAccepted() {
        query.add("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        query.add("X-Amz-Credential", "ANYKEY/20250101/us-east-1/dynamodb/aws4_request");

        assertThatCode(() -> authenticator.authenticate(headers, query)).doesNotThrowAnyException();
    }

    @Test
    void requestWithoutSignatureIsMissingAnAuthenticationToken() {
        assertMissingToken();
    }

    @Test
    void otherAuthorizationSchemesAreNoSignature() {
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer abc");

        assertMissingToken();
    }

    @Test
    void sigV4HeaderWithoutCredentialIsNoSignature() {
        headers.set(HttpHeaders.AUTHORIZATION, "AWS4-HMAC-SHA256 Signature=00");

        assertMissingToken();
    }

    @Test
    void presignedQueryWithoutCredentialIsNoSignature() {
        query.add("X-Amz-Algorithm", "AWS4-HMAC-SHA256");

        assertMissingToken();
    }

    private void assertMissingToken() {
        assertThatThrownBy(() -> authenticator.authenticate(headers, query))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.type())
                            .isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
                    org.assertj.core.api.Assertions.assertThat(e.getMessage())
                            .isEqualTo("Request is missing Authentication Token");
                    org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(400);
                });
    }
}
