package dev.ddb.standalone.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

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

/** The docker-compose stack, built and run for real where a Docker engine exists; skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class DockerComposeStackTest {

    @Container
    static final ComposeContainer STACK = new ComposeContainer(new File("../docker-compose.yml"))
            .withBuild(true)
            .withExposedService("gateway-service", 8000, Wait.forHttp("/").forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(15)));

    @Test
    void gatewayServesDynamoDbRequests() {
        String endpoint = "http://" + STACK.getServiceHost("gateway-service", 8000) + ":"
                + STACK.getServicePort("gateway-service", 8000);
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(java.net.URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            client.createTable(r -> r.tableName("Compose").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            client.putItem(r -> r.tableName("Compose").item(Map.of("id", AttributeValue.fromS("1"))));
            assertThat(client.getItem(r -> r.tableName("Compose").key(Map.of("id", AttributeValue.fromS("1")))).item())
                    .containsEntry("id", AttributeValue.fromS("1"));
        }
    }
}
