package dev.ddb.gateway.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import tools.jackson.databind.JsonNode;

import dev.ddb.common.json.Json;
import dev.ddb.gateway.support.FakeDownstream.Answer;
import dev.ddb.gateway.support.GatewayTestBase;

/**
 * GET /console/api/metrics in verify mode: unsigned or wrongly signed it gets DynamoDB's signature
 * errors; signed (by the AWS SDK's own SigV4 signer), it shows only the tables the signer may
 * DescribeTable, and a table asked for by name that the signer may not describe is AccessDeniedException.
 */
class ConsoleMetricsVerifyModeTest extends GatewayTestBase {

    private static final Path PRINCIPALS = principalsFile();
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void verifyMode(DynamicPropertyRegistry registry) {
        registry.add("ddb.gateway.auth.mode", () -> "verify");
        registry.add("ddb.gateway.auth.principals-file", PRINCIPALS::toString);
    }

    private static Path principalsFile() {
        try {
            Path file = Files.createTempFile("principals", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    {"accountId": "123456789012", "principals": [
                      {"name": "reader", "accessKeyId": "AKIAREADER", "secretAccessKey": "reader-secret", "policies": [
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:DescribeTable",
                          "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/Music"}]}]},
                      {"name": "admin", "accessKeyId": "AKIAADMIN", "secretAccessKey": "admin-secret", "policies": [
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}]}]}
                    ]}""");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anUnsignedRequestIsRefusedAsDynamoDbRefusesOne() throws Exception {
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(url(""))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).contains("MissingAuthenticationTokenException");
        assertThat(ITEMS.received()).isEmpty(); // refused before any service was asked
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() throws Exception {
        HttpResponse<String> wrong = signedGet("", "AKIAREADER", "not-the-secret");

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("InvalidSignatureException");
    }

    @Test
    void aSignerSeesOnlyTheTablesItMayDescribe() throws Exception {
        serveMeters();

        JsonNode reader = Json.MAPPER.readTree(signedGet("", "AKIAREADER", "reader-secret").body());
        assertThat(reader.path("operations").valueStream().map(o -> o.path("table").asString()).distinct())
                .containsExactly("Music");
        assertThat(reader.path("capacity").valueStream().map(c -> c.path("table").asString()).distinct())
                .containsExactly("Music");

        // dynamodb:* includes ListTables, so the figures of no single table too.
        JsonNode admin = Json.MAPPER.readTree(signedGet("", "AKIAADMIN", "admin-secret").body());
        assertThat(admin.path("operations").valueStream().map(o -> o.path("table").asString()).distinct())
                .containsExactlyInAnyOrder("", "Books", "Music");
    }

    @Test
    void aTableTheSignerMayNotDescribeIsAccessDenied() throws Exception {
        serveMeters();

        HttpResponse<String> denied = signedGet("?table=Books", "AKIAREADER", "reader-secret");
        assertThat(denied.statusCode()).isEqualTo(400);
        assertThat(denied.body()).contains("AccessDeniedException", "dynamodb:DescribeTable", "table/Books");

        HttpResponse<String> allowed = signedGet("?table=Music", "AKIAREADER", "reader-secret");
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(ConsoleMetricsEndpointTest.operation(Json.MAPPER.readTree(allowed.body()), "Music", "PutItem")
                .path("requests").asDouble()).isEqualTo(5);
    }

    private static void serveMeters() {
        ITEMS.answerWhen(request -> request.path().equals("/actuator/prometheus"),
                Answer.json(200, ConsoleMetricsEndpointTest.ITEM_SERVICE_METERS));
        TABLES.answerWhen(request -> request.path().equals("/actuator/prometheus"),
                Answer.json(200, ConsoleMetricsEndpointTest.TABLE_SERVICE_METERS));
    }

    private String url(String query) {
        return "http://localhost:" + port + "/console/api/metrics" + query;
    }

    /** A GET signed by the AWS SDK's SigV4 signer (service dynamodb, us-east-1), sent with every header it signed. */
    private HttpResponse<String> signedGet(String query, String accessKeyId, String secret) throws Exception {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(URI.create(url(query))).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKeyId, secret))
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.systemUTC())).request();
        HttpRequest.Builder send = HttpRequest.newBuilder(URI.create(url(query)));
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) { // the HTTP client sends the same Host itself
                values.forEach(value -> send.header(name, value));
            }
        });
        return http.send(send.build(), HttpResponse.BodyHandlers.ofString());
    }
}
