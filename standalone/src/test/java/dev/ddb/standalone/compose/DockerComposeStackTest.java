package dev.ddb.standalone.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import dev.ddb.standalone.tail.TailCommand;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The docker-compose stack, built from the top-level Dockerfile and run for real where a Docker
 * engine exists; skipped elsewhere. Kafka is published on a free host port through the compose
 * file's own variables, so a consumer outside compose reads a table's stream as a user would
 * (with the Docker engine on this machine: Kafka advertises localhost).
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerComposeStackTest {

    private static final int KAFKA_PORT = freePort();

    @Container
    static final ComposeContainer STACK = new ComposeContainer(new File("../docker-compose.yml"))
            .withBuild(true)
            .withEnv(Map.of("DDB_GATEWAY_PORT", Integer.toString(freePort()),
                    "DDB_GATEWAY_TLS_PORT", Integer.toString(freePort()),
                    "DDB_KAFKA_PORT", Integer.toString(KAFKA_PORT),
                    "DDB_KAFKA_HOST", "localhost"))
            .withExposedService("gateway-service", 8000, Wait.forHttp("/").forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(15)));

    @Test
    void gatewayServesDynamoDbRequestsAndKafkaServesTheirStream() throws Exception {
        String endpoint = "http://" + STACK.getServiceHost("gateway-service", 8000) + ":"
                + STACK.getServicePort("gateway-service", 8000);
        // docker-compose verifies signatures against docs/principals.example.json: alice's keys work, others do not.
        try (DynamoDbClient stranger = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            assertThatThrownBy(stranger::listTables).isInstanceOfSatisfying(
                    software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAALICEEXAMPLE", "alice-example-secret-change-me")))
                .build()) {
            client.createTable(r -> r.tableName("Compose").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            client.putItem(r -> r.tableName("Compose").item(Map.of("id", AttributeValue.fromS("1"))));
            assertThat(client.getItem(r -> r.tableName("Compose").key(Map.of("id", AttributeValue.fromS("1")))).item())
                    .containsEntry("id", AttributeValue.fromS("1"));
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String kafka = "localhost:" + KAFKA_PORT;
        int exitCode = CompletableFuture.supplyAsync(() -> TailCommand.run(
                        new String[] {"ddb.stream.Compose", "--bootstrap-servers", kafka, "--max-records", "1"}, Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .get(2, TimeUnit.MINUTES);
        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"key\":\"1\"").contains("\"eventName\":\"INSERT\"");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
