package dev.ddb.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The AWS SDK's own SigV4 signer, as the reference the raw client's signatures must equal. */
final class SdkSignature {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SdkSignature() {
    }

    /** The Authorization header the SDK computes for {@code POST /} to this host with this target, body and X-Amz-Date. */
    static String authorization(String host, String target, byte[] body, String amzDate) {
        Instant at = Instant.from(AMZ_DATE.parse(amzDate));
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://" + host + "/"))
                .putHeader("Content-Type", SigV4Signer.CONTENT_TYPE)
                .putHeader("X-Amz-Target", target)
                .build();
        return AwsV4HttpSigner.create().sign(r -> r
                        .identity(AwsCredentialsIdentity.create(BenchMain.ACCESS_KEY, BenchMain.SECRET_KEY))
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
                .request()
                .firstMatchingHeader("Authorization")
                .orElseThrow();
    }
}
