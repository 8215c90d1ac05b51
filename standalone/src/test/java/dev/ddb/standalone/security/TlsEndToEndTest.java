package dev.ddb.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import dev.ddb.standalone.GatewayAuth;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import dev.ddb.standalone.StackSettings.GatewayListeners;

/**
 * The stack with plain HTTP switched off, driven over HTTPS by the real SDK clients that trust the
 * self-signed certificate the gateway made (its PEM, as a user is told to use it; no trust-all), and
 * by the AWS CLI and curl where they are installed.
 */
class TlsEndToEndTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static int httpPort;
    private static String httpsUrl;
    private static Path pem;

    @BeforeAll
    static void startStackWithHttpOff() throws IOException {
        int[] ports = freePorts(2);
        httpPort = ports[0];
        StackSettings ephemeral = StackSettings.ephemeral(dataDir);
        StackSettings settings = new StackSettings(dataDir, httpPort, 0, 0, 0, 0, 0, null, ephemeral.durability(),
                ephemeral.inProcessGateway(), GatewayAuth.OPEN, new GatewayListeners(false, true, ports[1]), null);
        stack = LocalStack.start(settings);
        httpsUrl = stack.gatewayHttpsUrl().orElseThrow();
        pem = stack.gatewayCertificatePem().orElseThrow();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theCertificateIsKeptBesideTheStacksData() {
        assertThat(httpsUrl).startsWith("https://localhost:");
        assertThat(stack.gatewayUrl()).isEqualTo(httpsUrl);
        assertThat(pem).isEqualTo(dataDir.toAbsolutePath().normalize().resolve("gateway-service/gateway-cert.pem"));
    }

    @Test
    void theSdkClientsWorkOverHttpsTrustingThePem() {
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(URI.create(httpsUrl)).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(trustingThePem()).build();
                DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(URI.create(httpsUrl))
                        .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).httpClientBuilder(trustingThePem()).build()) {
            dynamoDb.createTable(b -> b.tableName("Secure")
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
            for (String sk : List.of("3", "1", "2")) {
                dynamoDb.putItem(b -> b.tableName("Secure").item(Map.of("pk", AttributeValue.fromS("p"),
                        "sk", AttributeValue.fromN(sk), "v", AttributeValue.fromS("over TLS " + sk))));
            }

            assertThat(dynamoDb.getItem(b -> b.tableName("Secure").key(Map.of("pk", AttributeValue.fromS("p"),
                    "sk", AttributeValue.fromN("1")))).item()).containsEntry("v", AttributeValue.fromS("over TLS 1"));
            assertThat(dynamoDb.query(b -> b.tableName("Secure").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p")))).items())
                    .extracting(item -> item.get("sk").n()).containsExactly("1", "2", "3");
            assertThat(streams.listStreams(b -> b.tableName("Secure")).streams())
                    .singleElement().satisfies(stream -> assertThat(stream.tableName()).isEqualTo("Secure"));
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsTheHandshake() {
        // The JDK's own trust store: a client nobody told about the certificate.
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(URI.create(httpsUrl)).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            assertThatThrownBy(dynamoDb::listTables)
                    .isInstanceOf(SdkClientException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(SSLHandshakeException.class::isInstance));
        }
    }

    @Test
    void withHttpOffTheHttpPortIsClosed() {
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), httpPort).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void curlTrustsThePem() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl not installed");

        Run curl = run(List.of("/usr/bin/curl", "-sS", "--cacert", pem.toString(), "-w", "\n%{http_code}", httpsUrl + "/"), Map.of());

        assertThat(curl.exitCode()).as(curl.output()).isZero();
        assertThat(curl.output()).contains("healthy: dynamodb.us-east-1.amazonaws.com").endsWith("200");
        assertThat(run(List.of("/usr/bin/curl", "-sS", httpsUrl + "/"), Map.of()).exitCode())
                .as("curl without the PEM refuses the certificate").isNotZero();
    }

    @Test
    void theAwsCliTrustsThePemAsItsCaBundle() throws Exception {
        String aws = onPath("aws");
        assumeTrue(aws != null, "the AWS CLI is not installed");

        Run listTables = run(List.of(aws, "dynamodb", "list-tables", "--endpoint-url", httpsUrl, "--ca-bundle", pem.toString(),
                "--output", "json"), Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "AWS_DEFAULT_REGION", "us-east-1"));

        assertThat(listTables.exitCode()).as(listTables.output()).isZero();
        assertThat(listTables.output()).contains("\"TableNames\"");
    }

    @Test
    void boto3TrustsThePemAsVerify() throws Exception {
        String python = onPath("python3");
        assumeTrue(python != null && run(List.of(python, "-c", "import boto3"), Map.of()).exitCode() == 0, "boto3 is not installed");

        Run listTables = run(List.of(python, "-c", String.join("\n",
                "import sys, boto3",
                "ddb = boto3.client('dynamodb', endpoint_url=sys.argv[1], verify=sys.argv[2], region_name='us-east-1',",
                "                   aws_access_key_id='local', aws_secret_access_key='local')",
                "print('tables', ddb.list_tables()['TableNames'])"), httpsUrl, pem.toString()), Map.of());

        assertThat(listTables.exitCode()).as(listTables.output()).isZero();
        assertThat(listTables.output()).startsWith("tables [");
    }

    private static Apache5HttpClient.Builder trustingThePem() {
        return TrustedPem.httpClientTrusting(pem);
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output.strip());
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
