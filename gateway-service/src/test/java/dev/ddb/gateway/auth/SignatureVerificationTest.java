package dev.ddb.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;

import dev.ddb.common.error.DynamoDbException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** verify mode against requests signed by the AWS SDK's own signer, accepted and tampered with. */
class SignatureVerificationTest {

    private static final String ALICE_SECRET = "alice/secret+key=0123456789abcdefghij";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    private static final String TARGET = "DynamoDB_20120810.GetItem";
    private static final String BODY = "{\"TableName\":\"Music\",\"Key\":{\"pk\":{\"S\":\"a  b\"}}}";
    /** The server's clock in these tests. */
    private static final Instant NOW = Instant.parse("2013-05-24T00:16:00Z");

    @TempDir
    Path dir;

    private RequestAuthenticator authenticator;

    @BeforeEach
    void principalsFile() throws IOException {
        Path file = dir.resolve("principals.json");
        Files.writeString(file, """
                {"accountId": "123456789012", "principals": [
                  {"name": "alice", "accessKeyId": "AKIAALICE", "secretAccessKey": "%s",
                   "policies": [{"Version": "2012-10-17", "Statement": []}]}
                ]}""".formatted(ALICE_SECRET));
        authenticator = new RequestAuthenticator(new AuthProperties(AuthMode.VERIFY, file),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private SdkSigner alice() {
        return new SdkSigner("AKIAALICE", ALICE_SECRET).at(NOW);
    }

    @Test
    void requestSignedInTheHeaderWithTheRightKeyIsThatPrincipals() {
        Requester requester = authenticator.authenticate(SdkSigner.received(alice().sign(TARGET, BODY), BODY));

        assertThat(requester.region()).isEqualTo("us-east-1");
        assertThat(requester.principal().name()).isEqualTo("alice");
        assertThat(requester.principal().accessKeyId()).isEqualTo("AKIAALICE");
        assertThat(requester.principal().arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(requester.principal().policies()).hasSize(1);
    }

    @Test
    void regionIsThatOfTheVerifiedScope() {
        Requester requester = authenticator.authenticate(
                SdkSigner.received(alice().region("eu-west-1").sign(TARGET, BODY), BODY));

        assertThat(requester.region()).isEqualTo("eu-west-1");
    }

    @Test
    void signedHeaderValuesAreComparedTrimmedAndWithSpacesCollapsed() {
        SdkHttpRequest signed = alice().sign(TARGET, BODY, Map.of("X-Amz-Meta-Note", "  two   spaces  here "));

        assertThat(authenticator.authenticate(SdkSigner.received(signed, BODY)).principal().name()).isEqualTo("alice");
    }

    @Test
    void queryParametersAreSignedInTheirCanonicalOrderAndEncoding() {
        SdkHttpRequest signed = alice().target("/?b=two%20words&a=%E2%9C%93&a=0&empty=").sign(TARGET, BODY);

        assertThat(authenticator.authenticate(SdkSigner.received(signed, BODY)).principal().name()).isEqualTo("alice");
    }

    @Test
    void changedQueryParameterDoesNotMatch() {
        ReceivedRequest received = SdkSigner.received(alice().target("/?a=1").sign(TARGET, BODY), BODY);
        ReceivedRequest changed = new ReceivedRequest(received.method(), received.rawPath(), "a=2", received.headers(),
                received.body());

        assertInvalidSignature(changed, MISMATCH);
    }

    @Test
    void repeatedSignedHeadersAreJoinedWithCommasAsTheSignerJoinsThem() {
        SdkHttpRequest.Builder builder = alice().sign(TARGET, BODY, Map.of("X-Amz-Meta-Tag", "placeholder")).toBuilder();
        SdkHttpRequest unsigned = builder.removeHeader("Authorization").removeHeader("X-Amz-Date")
                .putHeader("X-Amz-Meta-Tag", List.of("one", " two ")).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("AKIAALICE", ALICE_SECRET))
                .request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(BODY))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK,
                        Clock.fixed(NOW, ZoneOffset.UTC))).request();

        assertThat(authenticator.authenticate(SdkSigner.received(signed, BODY)).principal().name()).isEqualTo("alice");
    }

    @Test
    void requestSignedAtTheEdgeOfTheWindowIsAccepted() {
        SdkHttpRequest signed = alice().at(NOW.minus(Duration.ofMinutes(15))).sign(TARGET, BODY);

        assertThat(authenticator.authenticate(SdkSigner.received(signed, BODY)).principal()).isNotNull();
    }

    @Test
    void presignedRequestIsAccepted() {
        SdkHttpRequest signed = alice().presigned(Duration.ofMinutes(5)).sign(TARGET, BODY);

        assertThat(signed.getUri().getRawQuery()).contains("X-Amz-Signature=");
        assertThat(authenticator.authenticate(SdkSigner.received(signed, BODY)).principal().name()).isEqualTo("alice");
    }

    @Test
    void presignedRequestIsGoodUntilItsExpiry() {
        SdkHttpRequest signed = alice().at(NOW.minus(Duration.ofMinutes(59))).presigned(Duration.ofHours(1)).sign(TARGET, BODY);

        assertThat(authenticator.authenticate(SdkSigner.received(signed, BODY)).principal()).isNotNull();
    }

    @Test
    void expiredPresignedRequestIsRejected() {
        SdkHttpRequest signed = alice().at(NOW.minus(Duration.ofMinutes(6))).presigned(Duration.ofMinutes(5)).sign(TARGET, BODY);

        assertInvalidSignature(SdkSigner.received(signed, BODY),
                "Signature expired: 20130524T001000Z is now earlier than 20130524T001100Z (20130524T001600Z - 5 min.)");
    }

    @Test
    void presignedQueryWithATamperedParameterIsRejected() {
        SdkHttpRequest signed = alice().presigned(Duration.ofMinutes(5)).sign(TARGET, BODY);
        ReceivedRequest received = SdkSigner.received(signed, BODY);
        ReceivedRequest longer = new ReceivedRequest(received.method(), received.rawPath(),
                received.rawQuery().replace("X-Amz-Expires=300", "X-Amz-Expires=600"), received.headers(), received.body());

        assertInvalidSignature(longer, MISMATCH);
    }

    @Test
    void requestSignedTwentyMinutesAgoHasExpired() {
        SdkHttpRequest signed = alice().at(NOW.minus(Duration.ofMinutes(20))).sign(TARGET, BODY);

        assertInvalidSignature(SdkSigner.received(signed, BODY),
                "Signature expired: 20130523T235600Z is now earlier than 20130524T000100Z (20130524T001600Z - 15 min.)");
    }

    @Test
    void requestSignedTwentyMinutesAheadIsNotYetCurrent() {
        SdkHttpRequest signed = alice().at(NOW.plus(Duration.ofMinutes(20))).sign(TARGET, BODY);

        assertInvalidSignature(SdkSigner.received(signed, BODY),
                "Signature not yet current: 20130524T003600Z is still later than 20130524T003100Z (20130524T001600Z + 15 min.)");
    }

    @Test
    void wrongSecretDoesNotMatch() {
        SdkHttpRequest signed = new SdkSigner("AKIAALICE", "not-alices-secret").at(NOW).sign(TARGET, BODY);

        assertInvalidSignature(SdkSigner.received(signed, BODY), MISMATCH);
    }

    @Test
    void unknownAccessKeyIsUnrecognized() {
        SdkHttpRequest signed = new SdkSigner("AKIAMALLORY", ALICE_SECRET).at(NOW).sign(TARGET, BODY);

        assertThatThrownBy(() -> authenticator.authenticate(SdkSigner.received(signed, BODY)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.type()).isEqualTo("com.amazon.coral.service#UnrecognizedClientException");
                    assertThat(e.getMessage()).isEqualTo("The security token included in the request is invalid.");
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    @Test
    void tamperedBodyDoesNotMatch() {
        SdkHttpRequest signed = alice().sign(TARGET, BODY);
        String tampered = BODY.replace("Music", "Salary");

        assertInvalidSignature(SdkSigner.received(signed, tampered), MISMATCH);
    }

    @Test
    void tamperedSignedHeaderDoesNotMatch() {
        ReceivedRequest received = SdkSigner.received(alice().sign(TARGET, BODY), BODY);
        received.headers().set("X-Amz-Target", "DynamoDB_20120810.DeleteTable");

        assertInvalidSignature(received, MISMATCH);
    }

    @Test
    void repeatedSignedHeaderDoesNotMatch() {
        ReceivedRequest received = SdkSigner.received(alice().sign(TARGET, BODY), BODY);
        received.headers().add("X-Amz-Target", "DynamoDB_20120810.DeleteTable");

        assertInvalidSignature(received, MISMATCH);
    }

    @Test
    void contentSha256OtherThanTheBodysIsRejected() {
        ReceivedRequest received = SdkSigner.received(alice().sign(TARGET, BODY), BODY);
        received.headers().set("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD");

        assertInvalidSignature(received, MISMATCH);
    }

    @Test
    void signatureOfAnotherServiceIsRejectedWithDynamoDbsMessage() {
        SdkHttpRequest signed = alice().service("s3").sign(TARGET, BODY);

        assertInvalidSignature(SdkSigner.received(signed, BODY), "Credential should be scoped to correct service: 'dynamodb'.");
    }

    @Test
    void scopeDateOtherThanTheSigningDateIsRejected() {
        ReceivedRequest received = SdkSigner.received(alice().sign(TARGET, BODY), BODY);
        received.headers().set(HttpHeaders.AUTHORIZATION, received.headers().getFirst(HttpHeaders.AUTHORIZATION)
                .replace("/20130524/", "/20130523/"));

        assertInvalidSignature(received, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
                + "from HTTP: '20130523' != '20130524', from '20130524T001600Z'.");
    }

    @Test
    void hostMustBeSigned() {
        ReceivedRequest received = SdkSigner.received(alice().sign(TARGET, BODY), BODY);
        String authorization = received.headers().getFirst(HttpHeaders.AUTHORIZATION);
        received.headers().set(HttpHeaders.AUTHORIZATION, authorization.replace("SignedHeaders=content-type;host;",
                "SignedHeaders=content-type;"));

        assertInvalidSignature(received, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void signatureWithoutADateIsIncomplete() {
        ReceivedRequest received = SdkSigner.received(alice().sign(TARGET, BODY), BODY);
        received.headers().remove("X-Amz-Date");

        assertThatThrownBy(() -> authenticator.authenticate(received))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.type()).isEqualTo("com.amazon.coral.service#IncompleteSignatureException");
                    assertThat(e.getMessage()).startsWith(
                            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
                });
    }

    @Test
    void missingSignatureIsStillMissingAnAuthenticationToken() {
        ReceivedRequest received = SdkSigner.received(alice().sign(TARGET, BODY), BODY);
        received.headers().remove(HttpHeaders.AUTHORIZATION);

        assertThatThrownBy(() -> authenticator.authenticate(received))
                .isInstanceOfSatisfying(DynamoDbException.class, e ->
                        assertThat(e.type()).isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException"));
    }

    @Test
    void errorsNeverShowTheSecret() {
        SdkHttpRequest signed = new SdkSigner("AKIAALICE", "wrong").at(NOW).sign(TARGET, BODY);

        assertThatThrownBy(() -> authenticator.authenticate(SdkSigner.received(signed, BODY)))
                .satisfies(e -> assertThat(e.toString()).doesNotContain(ALICE_SECRET));
    }

    private void assertInvalidSignature(ReceivedRequest request, String message) {
        assertThatThrownBy(() -> authenticator.authenticate(request))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.type()).isEqualTo("com.amazon.coral.service#InvalidSignatureException");
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.status()).isEqualTo(400);
                });
    }
}
