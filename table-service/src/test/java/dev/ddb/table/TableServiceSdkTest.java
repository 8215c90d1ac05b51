package dev.ddb.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ddb.table.support.FakeItemService;
import dev.ddb.table.support.RecordingProvisioner;
import dev.ddb.table.support.TestSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * table-service on a random port, driven by the real AWS SDK for Java v2. item-service is
 * replaced by a recorder and Kafka is unreachable, which the API must not notice.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=table-service",
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "spring.kafka.producer.properties.max.block.ms=2000",
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.admin.operation-timeout=1s",
        "spring.kafka.admin.properties.default.api.timeout.ms=1000",
        "spring.kafka.admin.properties.request.timeout.ms=900",
        // Kafka never acknowledges here: do not wait for it on stream changes
        "ddb.table.stream-event-wait=50ms",
})
@Import(FakeItemService.class)
@DirtiesContext
class TableServiceSdkTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ddb.table.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    RecordingProvisioner itemService;

    @Autowired
    KafkaProperties kafka;

    DynamoDbClient dynamo;

    @BeforeEach
    void connect() {
        dynamo = TestSettings.dynamoDb(port);
        itemService.recover();
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
    }

    @Test
    void createTableAnswersActiveAndDescribeTableRightAfterSaysActive() {
        String name = uniqueName("Music");
        Instant before = Instant.now().minusSeconds(1);

        TableDescription created = dynamo.createTable(hashAndRangeTable(name)).tableDescription();

        assertThat(created.tableName()).isEqualTo(name);
        assertThat(created.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(created.keySchema()).containsExactly(key("Artist", KeyType.HASH), key("Song", KeyType.RANGE));
        assertThat(created.attributeDefinitions()).containsExactly(attribute("Artist"), attribute("Song"));
        assertThat(created.creationDateTime()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(created.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
        assertThat(created.provisionedThroughput().writeCapacityUnits()).isEqualTo(5);
        assertThat(created.provisionedThroughput().numberOfDecreasesToday()).isZero();
        assertThat(created.tableSizeBytes()).isZero();
        assertThat(created.itemCount()).isZero();
        assertThat(created.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + name);
        assertThat(UUID.fromString(created.tableId())).isNotNull();

        TableDescription described = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.tableId()).isEqualTo(created.tableId());
        assertThat(described.creationDateTime()).isEqualTo(created.creationDateTime());
        assertThat(itemService.lastProvisioned(name).get("TableId").stringValue()).isEqualTo(created.tableId());
    }

    @Test
    void onDemandTableWithIndexAndStreamIsDescribedAsDynamoDbDoes() {
        String name = uniqueName("Orders");

        TableDescription created = dynamo.createTable(b -> b.tableName(name)
                .attributeDefinitions(attribute("Id"), attribute("Customer"))
                .keySchema(key("Id", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByCustomer")
                        .keySchema(key("Customer", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                .tableDescription();

        assertThat(created.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(created.provisionedThroughput().readCapacityUnits()).isZero();
        assertThat(created.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("ByCustomer");
            assertThat(index.indexStatusAsString()).isEqualTo("ACTIVE");
            assertThat(index.indexArn()).isEqualTo(created.tableArn() + "/index/ByCustomer");
        });
        assertThat(created.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(created.latestStreamArn()).isEqualTo(created.tableArn() + "/stream/" + created.latestStreamLabel());
    }

    @Test
    void updateTableEnablesAndDisablesStreamsAndChangesCapacity() {
        String name = uniqueName("Updated");
        dynamo.createTable(hashAndRangeTable(name));

        TableDescription enabled = dynamo.updateTable(b -> b.tableName(name)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription();
        assertThat(enabled.streamSpecification().streamEnabled()).isTrue();
        assertThat(enabled.latestStreamLabel()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(dynamo.describeTable(b -> b.tableName(name)).table().latestStreamArn()).isEqualTo(enabled.latestStreamArn());

        DynamoDbException twice = assertThrows(DynamoDbException.class, () -> dynamo.updateTable(b -> b.tableName(name)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))));
        assertThat(twice.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(twice.awsErrorDetails().errorMessage()).isEqualTo("Table already has an enabled stream: TableName: " + name);

        TableDescription disabled = dynamo.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(false)))
                .tableDescription();
        assertThat(disabled.streamSpecification()).isNull();
        assertThat(disabled.latestStreamArn()).isEqualTo(enabled.latestStreamArn());

        TableDescription onDemand = dynamo.updateTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST))
                .tableDescription();
        assertThat(onDemand.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(onDemand.provisionedThroughput().readCapacityUnits()).isZero();
    }

    @Test
    void listTablesPagesThroughAllTablesInOrder() {
        for (int i = 0; i < 5; i++) {
            dynamo.createTable(hashAndRangeTable(uniqueName("Paged")));
        }
        List<String> all = dynamo.listTables().tableNames();

        List<String> paged = new ArrayList<>();
        dynamo.listTablesPaginator(b -> b.limit(2)).forEach(page -> {
            assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
            paged.addAll(page.tableNames());
        });

        assertThat(all).hasSizeGreaterThanOrEqualTo(5).isSorted();
        assertThat(paged).isEqualTo(all);
        String last = all.get(all.size() - 1);
        assertThat(dynamo.listTables(b -> b.exclusiveStartTableName(last)).tableNames()).isEmpty();
        assertThat(dynamo.listTables(b -> b.limit(all.size())).lastEvaluatedTableName()).isNull();
    }

    @Test
    void deleteTableAnswersDeletingAndTheTableIsGone() {
        String name = uniqueName("Gone");
        dynamo.createTable(hashAndRangeTable(name));

        TableDescription deleted = dynamo.deleteTable(b -> b.tableName(name)).tableDescription();

        assertThat(deleted.tableStatus()).isEqualTo(TableStatus.DELETING);
        assertThat(itemService.deprovisioned).contains(name);
        assertThat(dynamo.listTables().tableNames()).doesNotContain(name);
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> dynamo.describeTable(b -> b.tableName(name)));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found: Table: " + name + " not found");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThrows(ResourceNotFoundException.class, () -> dynamo.deleteTable(b -> b.tableName(name)));
    }

    @Test
    void creatingAnExistingTableIsResourceInUse() {
        String name = uniqueName("Twice");
        dynamo.createTable(hashAndRangeTable(name));

        ResourceInUseException e = assertThrows(ResourceInUseException.class, () -> dynamo.createTable(hashAndRangeTable(name)));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table already exists: " + name);
    }

    @Test
    void invalidRequestsAreValidationExceptionsWithDynamoDbsMessages() {
        assertValidation(() -> dynamo.createTable(hashAndRangeTable("ab")),
                "TableName must be at least 3 characters long and at most 255 characters long");
        assertValidation(() -> dynamo.createTable(b -> b.tableName(uniqueName("Bad"))
                        .attributeDefinitions(attribute("Other")).keySchema(key("Id", KeyType.HASH))
                        .billingMode(BillingMode.PAY_PER_REQUEST)),
                "One or more parameter values were invalid: Some index key attributes are not defined in "
                        + "AttributeDefinitions. Keys: [Id], AttributeDefinitions: [Other]");
        assertValidation(() -> dynamo.createTable(b -> b.tableName(uniqueName("Bad"))
                        .attributeDefinitions(attribute("Id")).keySchema(key("Id", KeyType.HASH))
                        .billingMode(BillingMode.PAY_PER_REQUEST).provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))),
                "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                        + "specified when BillingMode is PAY_PER_REQUEST");
        assertValidation(() -> dynamo.listTables(b -> b.limit(0)),
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
    }

    @Test
    void unreachableItemServiceFailsCreateTableWithoutLeavingATable() {
        String name = uniqueName("Unprovisioned");
        itemService.fail();

        InternalServerErrorException e = assertThrows(InternalServerErrorException.class,
                () -> dynamo.createTable(hashAndRangeTable(name)));

        assertThat(e.statusCode()).isEqualTo(500);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
        assertThat(dynamo.listTables().tableNames()).doesNotContain(name);
        assertThrows(ResourceNotFoundException.class, () -> dynamo.describeTable(b -> b.tableName(name)));
    }

    @Test
    void unreachableKafkaDoesNotSlowTheApiDown() {
        dynamo.listTables();
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            String name = uniqueName("Fast");
            dynamo.createTable(hashAndRangeTable(name));
            dynamo.deleteTable(b -> b.tableName(name));
        }
        // Each of these six events waits max.block.ms (2s) for the broker, on the publisher thread only.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void producerSettingsComeFromTheServiceConfigFile() {
        assertThat(kafka.getProducer().getValueSerializer()).isEqualTo(ByteArraySerializer.class);
        assertThat(kafka.getProducer().getAcks()).isEqualTo("all");
    }

    @Test
    void getOnRootAnswersTheHealthLine() throws Exception {
        HttpResponse<String> response = http(HttpRequest.newBuilder(root()).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("healthy: table-service");
    }

    @Test
    void prometheusMetricsAreExposed() throws Exception {
        HttpResponse<String> response = http(HttpRequest.newBuilder(root().resolve("/actuator/prometheus")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void unknownTargetIsUnknownOperationWithDynamoDbsHeaders() throws Exception {
        HttpResponse<String> response = http(HttpRequest.newBuilder(root())
                .header("X-Amz-Target", "DynamoDB_20120810.Nonsense")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(id -> assertThat(id).hasSize(52));
        assertThat(response.headers().firstValue("x-amz-crc32")).isPresent();
    }

    private URI root() {
        return URI.create("http://localhost:" + port + "/");
    }

    /** Plain HTTP/1.1 (as the SDKs speak it), bounded in time so a broken server fails the test instead of hanging it. */
    private static HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertValidation(Runnable call, String message) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call::run);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(e.statusCode()).isEqualTo(400);
    }

    static CreateTableRequest hashAndRangeTable(String name) {
        return CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(attribute("Artist"), attribute("Song"))
                .keySchema(key("Artist", KeyType.HASH), key("Song", KeyType.RANGE))
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
                .build();
    }

    static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
