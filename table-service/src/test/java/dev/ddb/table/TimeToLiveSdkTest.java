package dev.ddb.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ddb.table.support.FakeItemService;
import dev.ddb.table.support.TestSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** UpdateTimeToLive and DescribeTimeToLive through the real AWS SDK for Java v2: DynamoDB's rules and errors. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=table-service",
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "spring.kafka.producer.properties.max.block.ms=2000",
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.admin.operation-timeout=1s",
        "spring.kafka.admin.properties.default.api.timeout.ms=1000",
        "spring.kafka.admin.properties.request.timeout.ms=900",
        "ddb.table.stream-event-wait=50ms",
})
@Import(FakeItemService.class)
@DirtiesContext
class TimeToLiveSdkTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ddb.table.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    DynamoDbClient dynamo;

    @BeforeEach
    void connect() {
        dynamo = TestSettings.dynamoDb(port);
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
    }

    @Test
    void aNewTableHasTimeToLiveDisabled() {
        String name = createTable();

        TimeToLiveDescription description = describe(name);

        assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
        assertThat(description.attributeName()).isNull();
    }

    @Test
    void enablingAnswersTheSpecificationAndDescribeSaysEnabledWithTheAttribute() {
        String name = createTable();

        TimeToLiveSpecification answered = dynamo.updateTimeToLive(r -> r.tableName(name)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expiresAt"))).timeToLiveSpecification();

        assertThat(answered.enabled()).isTrue();
        assertThat(answered.attributeName()).isEqualTo("expiresAt");
        assertThat(describe(name).timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(describe(name).attributeName()).isEqualTo("expiresAt");
        // DescribeTable's shape has no TTL member; the table is otherwise unchanged
        assertThat(dynamo.describeTable(r -> r.tableName(name)).table().tableName()).isEqualTo(name);
    }

    @Test
    void enablingAnEnabledTableIsRefusedEvenWithAnotherAttribute() {
        String name = createTable();
        enable(name, "expiresAt");

        assertValidation(() -> enable(name, "expiresAt"), "TimeToLive is already enabled");
        assertValidation(() -> enable(name, "other"), "TimeToLive is already enabled");
        assertThat(describe(name).attributeName()).isEqualTo("expiresAt");
    }

    @Test
    void disablingATableWithoutTimeToLiveIsRefused() {
        String name = createTable();

        assertValidation(() -> disable(name, "expiresAt"), "TimeToLive is already disabled");
    }

    @Test
    void disablingAnotherAttributeThanTheTimeToLiveAttributeIsRefused() {
        String name = createTable();
        enable(name, "expiresAt");

        assertValidation(() -> disable(name, "other"),
                "TimeToLive is active on a different AttributeName: current AttributeName is expiresAt");
        assertThat(describe(name).timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void changingTimeToLiveAgainWithinAnHourIsRefused() {
        String name = createTable();
        enable(name, "expiresAt");

        assertValidation(() -> disable(name, "expiresAt"),
                "Time to live has been modified multiple times within a fixed interval");
        assertThat(describe(name).timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void anUnknownTableIsResourceNotFound() {
        assertThatThrownBy(() -> enable("NoSuchTable", "expiresAt")).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> describe("NoSuchTable")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aMissingAttributeNameIsAValidationError() {
        String name = createTable();

        assertThatThrownBy(() -> dynamo.updateTimeToLive(r -> r.tableName(name)
                .timeToLiveSpecification(s -> s.enabled(true))))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .hasMessageContaining("timeToLiveSpecification.attributeName");
        assertThat(describe(name).timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
    }

    private void enable(String name, String attribute) {
        dynamo.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(s -> s.enabled(true).attributeName(attribute)));
    }

    private void disable(String name, String attribute) {
        dynamo.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(s -> s.enabled(false).attributeName(attribute)));
    }

    private TimeToLiveDescription describe(String name) {
        return dynamo.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
    }

    private static void assertValidation(Runnable call, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> {
                    DynamoDbException error = (DynamoDbException) e;
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }

    private String createTable() {
        String name = "Ttl" + UUID.randomUUID().toString().substring(0, 8);
        dynamo.createTable(r -> r.tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        return name;
    }
}
