package dev.ddb.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.support.FakeItemService;
import dev.ddb.table.support.TestSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * OnDemandThroughput through the real AWS SDK for Java v2: maximums of PAY_PER_REQUEST tables and
 * their global indexes on CreateTable and UpdateTable, DescribeTable's shape, and DynamoDB's errors.
 */
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
class OnDemandThroughputSdkTest {

    private static final String INVALID = "One or more parameter values were invalid: ";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ddb.table.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    TableMetadataStore store;

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
    void anOnDemandTableAndItsIndexesKeepTheMaximumsTheyWereCreatedWith() {
        String name = create(b -> b.onDemandThroughput(max(100L, 10L))
                .globalSecondaryIndexes(index("byOwner", max(null, 5L)), index("byOther", null)));

        TableDescription table = describe(name);
        assertThat(table.onDemandThroughput()).isEqualTo(max(100L, 10L));
        assertThat(globalIndex(table, "byOwner").onDemandThroughput()).isEqualTo(max(null, 5L));
        assertThat(globalIndex(table, "byOther").onDemandThroughput()).isNull();
        // stored: the description survives as it is (and goes in table events the same way)
        assertThat(store.find(name).orElseThrow().onDemandThroughput())
                .isEqualTo(new dev.ddb.common.table.OnDemandThroughput(100L, 10L));
    }

    @Test
    void oneMaximumOrNoneIsAcceptedAndOnlyWhatIsSetIsShown() {
        assertThat(describe(create(b -> b.onDemandThroughput(max(7L, null)))).onDemandThroughput()).isEqualTo(max(7L, null));
        assertThat(describe(create(b -> b.onDemandThroughput(max(null, null)))).onDemandThroughput()).isNull();
        assertThat(describe(create(b -> { })).onDemandThroughput()).isNull();
    }

    @Test
    void createTableRefusesMaximumsForAProvisionedTableNamingTheMember() {
        assertValidation(() -> dynamo.createTable(request(unique(), b -> b.billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(units(5, 5)).onDemandThroughput(max(10L, 10L)))),
                INVALID + "MaxReadRequestUnits for OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED.");
        assertValidation(() -> dynamo.createTable(request(unique(), b -> b.billingMode((BillingMode) null)
                        .provisionedThroughput(units(5, 5)).onDemandThroughput(max(null, 10L)))),
                INVALID + "MaxWriteRequestUnits for OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED.");
        assertValidation(() -> dynamo.createTable(request(unique(), b -> b.billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(units(5, 5)).globalSecondaryIndexes(index("g-a", max(10L, 10L)).toBuilder()
                                .provisionedThroughput(units(1, 1)).build()))),
                INVALID + "MaxReadRequestUnits for OnDemandThroughput for index: g-a cannot be specified when table "
                        + "BillingMode is PROVISIONED.");
    }

    @Test
    void aMaximumBelowOneIsOutOfRangeAtCreateTableEvenMinusOne() {
        for (long units : new long[] {0, -1, -2}) {
            assertValidation(() -> dynamo.createTable(request(unique(), b -> b.onDemandThroughput(max(units, units)))),
                    INVALID + "Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range");
        }
        assertValidation(() -> dynamo.createTable(request(unique(), b -> b.onDemandThroughput(max(5L, 0L)))),
                INVALID + "Requested MaxWriteRequestUnits for OnDemandThroughput for table is outside of valid range");
        assertValidation(() -> dynamo.createTable(request(unique(), b -> b.globalSecondaryIndexes(index("g-a", max(-1L, 5L))))),
                INVALID + "Requested MaxReadRequestUnits for OnDemandThroughput for index : g-a is outside of valid range");
    }

    @Test
    void updateTableMergesMemberByMemberAndMinusOneRemovesAMaximum() {
        String name = create(b -> { });

        TableDescription set = dynamo.updateTable(b -> b.tableName(name).onDemandThroughput(max(1000L, 500L))).tableDescription();
        assertThat(set.onDemandThroughput()).isEqualTo(max(1000L, 500L));
        dynamo.updateTable(b -> b.tableName(name).onDemandThroughput(max(2000L, null)));
        assertThat(describe(name).onDemandThroughput()).isEqualTo(max(2000L, 500L));

        TableDescription cleared = dynamo.updateTable(b -> b.tableName(name).onDemandThroughput(max(-1L, null))).tableDescription();
        assertThat(cleared.onDemandThroughput()).as("the answer echoes -1").isEqualTo(max(-1L, 500L));
        assertThat(describe(name).onDemandThroughput()).as("DescribeTable leaves the member out").isEqualTo(max(null, 500L));

        TableDescription none = dynamo.updateTable(b -> b.tableName(name).onDemandThroughput(max(null, -1L))).tableDescription();
        assertThat(none.onDemandThroughput()).isEqualTo(max(null, -1L));
        assertThat(describe(name).onDemandThroughput()).isNull();
        // removing what is not set is accepted, and so is sending the same maximums again
        dynamo.updateTable(b -> b.tableName(name).onDemandThroughput(max(-1L, -1L)));
        dynamo.updateTable(b -> b.tableName(name).onDemandThroughput(max(3L, 3L)));
        dynamo.updateTable(b -> b.tableName(name).onDemandThroughput(max(3L, 3L)));
        assertThat(describe(name).onDemandThroughput()).isEqualTo(max(3L, 3L));
    }

    @Test
    void updateTableRefusesOutOfRangeEmptyAndProvisionedMaximums() {
        String onDemand = create(b -> { });
        assertValidation(() -> dynamo.updateTable(b -> b.tableName(onDemand).onDemandThroughput(max(null, 0L))),
                INVALID + "Requested MaxWriteRequestUnits for OnDemandThroughput for table is outside of valid range");
        assertValidation(() -> dynamo.updateTable(b -> b.tableName(onDemand).onDemandThroughput(max(-2L, null))),
                INVALID + "Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range");
        assertValidation(() -> dynamo.updateTable(b -> b.tableName(onDemand).onDemandThroughput(max(null, null))),
                INVALID + "OnDemandThroughput must specify MaxReadRequestUnits, MaxWriteRequestUnits, or both");

        String provisioned = createProvisioned();
        assertValidation(() -> dynamo.updateTable(b -> b.tableName(provisioned).onDemandThroughput(max(100L, 100L))),
                INVALID + "MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED");
        assertThat(describe(provisioned).onDemandThroughput()).isNull();
    }

    @Test
    void switchingToOnDemandMayBringMaximumsAndSwitchingToProvisionedDropsThem() {
        String name = createProvisioned();

        TableDescription onDemand = dynamo.updateTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .onDemandThroughput(max(50L, 20L))).tableDescription();
        assertThat(onDemand.onDemandThroughput()).isEqualTo(max(50L, 20L));
        dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(indexUpdate("byOwner", max(9L, null))));
        assertThat(globalIndex(describe(name), "byOwner").onDemandThroughput()).isEqualTo(max(9L, null));

        assertValidation(() -> dynamo.updateTable(b -> b.tableName(name).billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(units(5, 5)).onDemandThroughput(max(1L, 1L))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName("byOwner")
                                .provisionedThroughput(units(1, 1))).build())),
                INVALID + "MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED");
        TableDescription provisioned = dynamo.updateTable(b -> b.tableName(name).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(units(5, 5)).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .update(u -> u.indexName("byOwner").provisionedThroughput(units(1, 1))).build())).tableDescription();
        assertThat(provisioned.onDemandThroughput()).isNull();
        assertThat(globalIndex(provisioned, "byOwner").onDemandThroughput()).isNull();
        assertThat(describe(name).onDemandThroughput()).isNull();
        assertThat(TableDescriptionJson.write(store.find(name).orElseThrow()).has("OnDemandThroughput")).isFalse();
    }

    @Test
    void anIndexOfAnOnDemandTableTakesMaximumsByAnUpdateActionOrWhenCreated() {
        String name = create(b -> b.globalSecondaryIndexes(index("byOwner", null)));

        dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(indexUpdate("byOwner", max(40L, 4L))));
        assertThat(globalIndex(describe(name), "byOwner").onDemandThroughput()).isEqualTo(max(40L, 4L));
        TableDescription removed = dynamo.updateTable(b -> b.tableName(name)
                .globalSecondaryIndexUpdates(indexUpdate("byOwner", max(-1L, null)))).tableDescription();
        assertThat(globalIndex(removed, "byOwner").onDemandThroughput()).as("the answer echoes -1").isEqualTo(max(-1L, 4L));
        assertThat(globalIndex(describe(name), "byOwner").onDemandThroughput()).isEqualTo(max(null, 4L));
        assertValidation(() -> dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(indexUpdate("byOwner", max(0L, null)))),
                INVALID + "Requested MaxReadRequestUnits for OnDemandThroughput for index : byOwner is outside of valid range");

        TableDescription created = dynamo.updateTable(b -> b.tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("other").attributeType(ScalarAttributeType.S).build())
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byOther")
                        .keySchema(KeySchemaElement.builder().attributeName("other").keyType(KeyType.HASH).build())
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).onDemandThroughput(max(6L, 6L))).build()))
                .tableDescription();
        assertThat(globalIndex(created, "byOther").onDemandThroughput()).isEqualTo(max(6L, 6L));
    }

    @Test
    void anIndexOfAProvisionedTableTakesNoMaximums() {
        String name = createProvisioned();

        assertValidation(() -> dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(indexUpdate("byOwner", max(5L, 5L)))),
                INVALID + "MaxReadRequestUnits for OnDemandThroughput for index: byOwner cannot be specified when table "
                        + "BillingMode is PROVISIONED.");
    }

    // ---- helpers ----

    private String create(java.util.function.Consumer<CreateTableRequest.Builder> customizer) {
        String name = unique();
        dynamo.createTable(request(name, customizer));
        return name;
    }

    private String createProvisioned() {
        return create(b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(units(5, 5))
                .globalSecondaryIndexes(index("byOwner", null).toBuilder().provisionedThroughput(units(1, 1)).build()));
    }

    private static CreateTableRequest request(String name, java.util.function.Consumer<CreateTableRequest.Builder> customizer) {
        CreateTableRequest.Builder builder = CreateTableRequest.builder().tableName(name)
                .attributeDefinitions(definition("pk"), definition("owner"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST);
        customizer.accept(builder);
        CreateTableRequest request = builder.build();
        if (!request.hasGlobalSecondaryIndexes()) {
            request = request.toBuilder().attributeDefinitions(definition("pk")).build();
        }
        return request;
    }

    private static AttributeDefinition definition(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static GlobalSecondaryIndex index(String name, OnDemandThroughput maximums) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(KeySchemaElement.builder().attributeName("owner").keyType(KeyType.HASH).build())
                .projection(p -> p.projectionType(ProjectionType.ALL)).onDemandThroughput(maximums).build();
    }

    private static GlobalSecondaryIndexUpdate indexUpdate(String name, OnDemandThroughput maximums) {
        return GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName(name).onDemandThroughput(maximums)).build();
    }

    private static OnDemandThroughput max(Long read, Long write) {
        return OnDemandThroughput.builder().maxReadRequestUnits(read).maxWriteRequestUnits(write).build();
    }

    private static ProvisionedThroughput units(long read, long write) {
        return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
    }

    private TableDescription describe(String name) {
        return dynamo.describeTable(b -> b.tableName(name)).table();
    }

    private static GlobalSecondaryIndexDescription globalIndex(TableDescription table, String name) {
        List<GlobalSecondaryIndexDescription> indexes = table.globalSecondaryIndexes();
        return indexes.stream().filter(index -> index.indexName().equals(name)).findFirst().orElseThrow();
    }

    private static String unique() {
        return "OnDemand-" + UUID.randomUUID();
    }

    private static void assertValidation(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }
}
