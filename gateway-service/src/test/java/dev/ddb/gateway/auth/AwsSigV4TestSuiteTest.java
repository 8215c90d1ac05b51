package dev.ddb.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

import dev.ddb.common.error.DynamoDbException;

/**
 * Vectors of AWS's published Signature Version 4 test suite (credentials AKIDEXAMPLE /
 * wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, service "service", 2015-08-30T12:36:00Z), verified as
 * received requests: the canonical form is AWS's, not only the SDK's.
 */
class AwsSigV4TestSuiteTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Principal EXAMPLE = new Principal("example", "AKIDEXAMPLE", "123456789012", List.of());
    private final SignatureVerifier verifier = new SignatureVerifier(
            key -> key.equals("AKIDEXAMPLE") ? Optional.of(new PrincipalKey(EXAMPLE, SECRET)) : Optional.empty(),
            Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC), "service");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "get-vanilla, GET, /, 5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            "get-vanilla-query-order-key-case, GET, /?Param2=value2&Param1=value1, "
                    + "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
            "post-vanilla, POST, /, 5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"})
    void publishedSignatureIsVerified(String vector, String method, String target, String signature) {
        assertThat(verifier.verify(request(method, target), signing(signature))).isEqualTo(EXAMPLE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "get-vanilla with another path, GET, /other, 5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            "get-vanilla-query-order-key-case with a value changed, GET, /?Param2=value2&Param1=value9, "
                    + "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
            "post-vanilla as a GET, GET, /, 5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"})
    void changedRequestIsNotVerified(String vector, String method, String target, String signature) {
        assertThatThrownBy(() -> verifier.verify(request(method, target), signing(signature)))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.code()).isEqualTo("InvalidSignatureException"));
    }

    private static ReceivedRequest request(String method, String target) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Host", "example.amazonaws.com");
        headers.add("X-Amz-Date", "20150830T123600Z");
        return ReceivedRequest.of(method, target, headers, "".getBytes(StandardCharsets.UTF_8));
    }

    private static SigningParameters signing(String signature) {
        Map<String, String> parameters = AuthorizationHeader.check("AWS4-HMAC-SHA256 "
                + "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
                + "Signature=" + signature, true);
        return new SigningParameters(parameters.get("Credential"), parameters.get("SignedHeaders"),
                parameters.get("Signature"), "20150830T123600Z", null, false);
    }
}
