package dev.ddb.standalone.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import dev.ddb.common.json.Json;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import tools.jackson.databind.JsonNode;

/**
 * DynamoDB requests signed by the AWS SDK's own SigV4 signer (at a chosen time, in the header or
 * presigned in the query string) and sent as raw HTTP, so that they can be changed after signing.
 */
final class RawSignedRequests {

    /** Headers java.net.http sets itself; the signer does not sign them here either (Host aside, which it sets alike). */
    private static final Set<String> SET_BY_THE_CLIENT = Set.of("host", "content-length");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String endpoint;

    RawSignedRequests(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Signed in the Authorization header at {@code signedAt}. */
    SdkHttpRequest sign(String accessKeyId, String secret, String target, String body, Instant signedAt) {
        return sign(accessKeyId, secret, target, body, signedAt, null);
    }

    /** Presigned: every signature parameter in the query string, good for {@code expires}. */
    SdkHttpRequest presign(String accessKeyId, String secret, String target, String body, Instant signedAt,
                           Duration expires) {
        return sign(accessKeyId, secret, target, body, signedAt, expires);
    }

    private SdkHttpRequest sign(String accessKeyId, String secret, String target, String body, Instant signedAt,
                                Duration presignedFor) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create(endpoint + "/"))
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", target)
                .build();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsCredentialsIdentity.create(accessKeyId, secret))
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(bytes))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC));
            if (presignedFor != null) {
                r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, presignedFor);
            }
        }).request();
    }

    /** Sends a signed request, with this body (the signed one or another). */
    Answer send(SdkHttpRequest signed, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri())
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        signed.forEachHeader((name, values) -> {
            if (!SET_BY_THE_CLIENT.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return send(request.build());
    }

    /** An unsigned POST. */
    Answer sendUnsigned(String target, String body) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), Json.read(response.body()));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The gateway's answer: status and JSON body. */
    record Answer(int status, JsonNode body) {

        String errorType() {
            JsonNode type = body.get("__type");
            return type == null ? null : type.asString();
        }

        String message() {
            JsonNode message = body.get("message");
            return message == null ? null : message.asString();
        }
    }
}
