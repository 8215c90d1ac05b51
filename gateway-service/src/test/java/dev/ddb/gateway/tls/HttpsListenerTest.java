package dev.ddb.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import dev.ddb.gateway.support.FakeDownstream.Answer;
import dev.ddb.gateway.support.FakeDownstream.Received;
import dev.ddb.gateway.support.GatewayTestBase;

/** The HTTPS listener serves exactly what the HTTP one does: the DynamoDB endpoint on the pipeline, WebFlux for the rest. */
class HttpsListenerTest extends GatewayTestBase {

    @Autowired
    private ApplicationContext context;

    private GatewayWebServer server() {
        return (GatewayWebServer) ((WebServerApplicationContext) context).getWebServer();
    }

    private int httpsPort() {
        return server().httpsPort().orElseThrow();
    }

    private Path pem() {
        return server().certificate().orElseThrow().pemFile().orElseThrow();
    }

    private DynamoDbClient dynamoDbOverHttps(Apache5HttpClient.Builder http) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create("https://localhost:" + httpsPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClientBuilder(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Test
    void bothListenersRun() {
        assertThat(server().httpPort()).hasValue(port);
        assertThat(httpsPort()).isPositive().isNotEqualTo(port);
    }

    /** WebFlux has no route for {@code POST /}: an answer proves the DynamoDB endpoint sits on the HTTPS pipeline too. */
    @Test
    void sdkRequestsOverHttpsReachTheServiceAndGetItsAnswer() {
        ITEMS.answerAlways(Answer.json(200, "{\"Item\":{\"Artist\":{\"S\":\"No One You Know\"}}}"));
        try (DynamoDbClient dynamoDb = dynamoDbOverHttps(Apache5HttpClient.builder().tlsTrustManagersProvider(() -> PemTrust.trustManagers(pem())))) {
            GetItemResponse item = dynamoDb.getItem(b -> b.tableName("Music").key(Map.of("Artist", AttributeValue.fromS("No One You Know"))));

            assertThat(item.item()).containsEntry("Artist", AttributeValue.fromS("No One You Know"));
        }
        Received received = ITEMS.lastReceived();
        assertThat(received.target()).isEqualTo("DynamoDB_20120810.GetItem");
        assertThat(received.region()).isEqualTo("us-east-1");
    }

    @Test
    void serviceErrorsComeBackOverHttpsAsOverHttp() {
        ITEMS.answerAlways(Answer.json(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                + "\"message\":\"Requested resource not found\"}"));
        try (DynamoDbClient dynamoDb = dynamoDbOverHttps(Apache5HttpClient.builder().tlsTrustManagersProvider(() -> PemTrust.trustManagers(pem())))) {
            assertThatThrownBy(() -> dynamoDb.getItem(b -> b.tableName("Nope").key(Map.of("K", AttributeValue.fromS("k")))))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("Requested resource not found");
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsTheHandshake() {
        // The JDK's own trust store, as a client that was not told about the certificate.
        try (DynamoDbClient dynamoDb = dynamoDbOverHttps(Apache5HttpClient.builder())) {
            assertThatThrownBy(dynamoDb::listTables)
                    .isInstanceOf(SdkClientException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(SSLHandshakeException.class::isInstance));
        }
        assertThat(ITEMS.received()).isEmpty();
        assertThat(TABLES.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/actuator/health", "/no-such-path"})
    void getAnswersTheSameOverHttpsAsOverHttp(String path) throws Exception {
        HttpResponse<String> overHttp = get(HttpClient.newHttpClient(), "http://localhost:" + port + path);
        HttpResponse<String> overHttps = get(HttpClient.newBuilder().sslContext(PemTrust.sslContext(pem())).build(),
                "https://localhost:" + httpsPort() + path);

        assertThat(overHttps.statusCode()).isEqualTo(overHttp.statusCode());
        assertThat(overHttps.headers().firstValue("Content-Type")).isEqualTo(overHttp.headers().firstValue("Content-Type"));
        assertThat(overHttps.body()).isEqualTo(overHttp.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void speaksTls12And13(String protocol) throws Exception {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {protocol});
        HttpClient client = HttpClient.newBuilder().sslContext(PemTrust.sslContext(pem())).sslParameters(parameters).build();

        HttpResponse<String> response = get(client, "https://localhost:" + httpsPort() + "/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.sslSession()).hasValueSatisfying(session -> assertThat(session.getProtocol()).isEqualTo(protocol));
    }

    /** OpenSSL's client can still be told to offer old versions (the JDK's refuses to), so it shows what the server accepts. */
    @ParameterizedTest
    @ValueSource(strings = {"-tls1", "-tls1_1"})
    void refusesTlsOlderThan12(String version) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl not installed");

        assertThat(openSslHandshake("-tls1_2")).as("the same client with TLS 1.2").isZero();
        assertThat(openSslHandshake(version)).isNotZero();
    }

    private int openSslHandshake(String version) throws Exception {
        Process client = new ProcessBuilder("/usr/bin/openssl", "s_client", "-connect", "localhost:" + httpsPort(), version,
                "-cipher", "DEFAULT@SECLEVEL=0", "-CAfile", pem().toString(), "-verify_return_error")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        client.getInputStream().readAllBytes();
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return client.exitValue();
    }

    @Test
    void servesTheCertificateOfThePemFile() throws IOException {
        assertThat(PemTrust.servedCertificate(PemTrust.sslContext(pem()), httpsPort()))
                .isEqualTo(server().certificate().orElseThrow().certificate());
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
