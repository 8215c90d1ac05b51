package dev.ddb.gateway.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.http.HttpHeaders;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Requests signed by the AWS SDK's own SigV4 signer, turned into what the gateway receives. */
final class SdkSigner {

    private final String accessKeyId;
    private final String secretAccessKey;
    private String region = "us-east-1";
    private String service = "dynamodb";
    private Instant signedAt = Instant.now();
    private Duration presignedFor;
    private String pathAndQuery = "/";

    SdkSigner(String accessKeyId, String secretAccessKey) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
    }

    SdkSigner region(String region) {
        this.region = region;
        return this;
    }

    SdkSigner service(String service) {
        this.service = service;
        return this;
    }

    SdkSigner at(Instant signedAt) {
        this.signedAt = signedAt;
        return this;
    }

    /** Another request target than {@code /}, e.g. with a query string. */
    SdkSigner target(String pathAndQuery) {
        this.pathAndQuery = pathAndQuery;
        return this;
    }

    /** Sign in the query string (a presigned URL) with this X-Amz-Expires. */
    SdkSigner presigned(Duration expires) {
        this.presignedFor = expires;
        return this;
    }

    /** A DynamoDB request for {@code target} with {@code body}, plus extra headers, signed. */
    SdkHttpRequest sign(String target, String body, Map<String, String> extraHeaders) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://localhost:8000" + pathAndQuery))
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", target);
        extraHeaders.forEach(request::putHeader);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsCredentialsIdentity.create(accessKeyId, secretAccessKey))
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArray(bytes))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC));
            if (presignedFor != null) {
                r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, presignedFor);
            }
        });
        return signed.request();
    }

    SdkHttpRequest sign(String target, String body) {
        return sign(target, body, Map.of());
    }

    /** What the gateway would receive for this request and body. */
    static ReceivedRequest received(SdkHttpRequest request, String body) {
        HttpHeaders headers = new HttpHeaders();
        request.forEachHeader((name, values) -> values.forEach(value -> headers.add(name, value)));
        if (!headers.containsHeader("Host")) {
            headers.add("Host", request.host() + (request.port() == 80 ? "" : ":" + request.port()));
        }
        String rawQuery = request.getUri().getRawQuery();
        String target = request.getUri().getRawPath() + (rawQuery != null ? "?" + rawQuery : "");
        return ReceivedRequest.of(request.method().name(), target, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
