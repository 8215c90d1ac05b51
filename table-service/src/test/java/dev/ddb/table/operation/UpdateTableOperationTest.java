package dev.ddb.table.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.json.Json;
import dev.ddb.common.request.RequestValidator;
import dev.ddb.common.request.ServiceModel;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.common.table.TableStatus;
import dev.ddb.table.TableServiceProperties;
import dev.ddb.table.metadata.TableDescriptionFactory;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.support.RecordingEventPublisher;
import dev.ddb.table.support.RecordingProvisioner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** UpdateTable against a real store at a fixed time (2026-11-25T10:37:34.123Z), Kafka replaced by a recorder. */
class UpdateTableOperationTest {

    private static final MasterKey KEY = MasterKey.generate();

    private static final Instant NOW = Instant.parse("2026-11-25T10:37:34.123Z");
    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";

    @TempDir
    Path dataDir;

    private TableMetadataStore store;
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final RecordingProvisioner itemService = new RecordingProvisioner();
    private CreateTableOperation createTable;
    private UpdateTableOperation updateTable;
    private DescribeTableOperation describeTable;

    @BeforeEach
    void start() {
        TableServiceProperties properties = new TableServiceProperties(dataDir, URI.create("http://localhost:1"),
                "000000000000", Duration.ofSeconds(1), Duration.ofSeconds(1));
        store = new TableMetadataStore(dataDir, KEY);
        createTable = new CreateTableOperation(new TableDescriptionFactory(properties), store, itemService,
                events, properties);
        IndexTransitions indexTransitions = new IndexTransitions(store, itemService, itemService, events);
        updateTable = new UpdateTableOperation(store, events, itemService, indexTransitions, Duration.ofSeconds(1),
                Clock.fixed(NOW, ZoneOffset.UTC));
        describeTable = new DescribeTableOperation(store, indexTransitions, tableKey -> Optional.empty());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Nested
    class Streams {

        @Test
        void enablingAStreamShowsItsSpecificationArnAndLabel() {
            createTable.invoke(onDemandTable("Music"));

            JsonNode table = update("{'TableName':'Music','StreamSpecification':{'StreamEnabled':true,'StreamViewType':'NEW_IMAGE'}}");

            assertThat(table.get("StreamSpecification").get("StreamEnabled").booleanValue()).isTrue();
            assertThat(table.get("StreamSpecification").get("StreamViewType").stringValue()).isEqualTo("NEW_IMAGE");
            // The millisecond after the request's (ChangeTimes.boundary): no earlier write shares it.
            assertThat(table.get("LatestStreamLabel").stringValue()).isEqualTo("2026-11-25T10:37:34.124");
            assertThat(table.get("LatestStreamArn").stringValue())
                    .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Music/stream/2026-11-25T10:37:34.124");
            assertThat(json(describe("Music"))).isEqualTo(json(table));
        }

        @Test
        void updateIsAnnouncedWithTheNewDescription() {
            createTable.invoke(onDemandTable("Music"));
            events.events.clear();

            JsonNode table = update("{'TableName':'Music','StreamSpecification':{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}}");

            assertThat(events.events).singleElement().satisfies(event -> {
                assertThat(event.eventType()).isEqualTo(TableEvent.Type.UPDATED);
                assertThat(event.tableName()).isEqualTo("Music");
                assertThat(event.timeMillis()).isEqualTo(NOW.toEpochMilli() + 1); // the stream change's boundary
                assertThat(event.table()).isEqualTo(TableDescriptionJson.read(table));
            });
        }

        @Test
        void disablingKeepsTheLatestArnAndLabelButNotTheSpecification() {
            createTable.invoke(onDemandTable("Music"));
            JsonNode enabled = update("{'TableName':'Music','StreamSpecification':{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}}");

            JsonNode disabled = update("{'TableName':'Music','StreamSpecification':{'StreamEnabled':false}}");

            assertThat(disabled.has("StreamSpecification")).isFalse();
            assertThat(disabled.get("LatestStreamArn")).isEqualTo(enabled.get("LatestStreamArn"));
            assertThat(disabled.get("LatestStreamLabel")).isEqualTo(enabled.get("LatestStreamLabel"));
        }

        @Test
        void reEnabledStreamGetsANewArnEvenWithinTheSameMillisecond() {
            createTable.invoke(onDemandTable("Music"));
            JsonNode first = update("{'TableName':'Music','StreamSpecification':{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}}");
            update("{'TableName':'Music','StreamSpecification':{'StreamEnabled':false}}");

            JsonNode second = update("{'TableName':'Music','StreamSpecification':{'StreamEnabled':true,'StreamViewType':'OLD_IMAGE'}}");

            assertThat(second.get("LatestStreamLabel").stringValue()).isEqualTo("2026-11-25T10:37:34.125");
            assertThat(second.get("LatestStreamArn")).isNotEqualTo(first.get("LatestStreamArn"));
            assertThat(second.get("StreamSpecification").get("StreamViewType").stringValue()).isEqualTo("OLD_IMAGE");
        }

        @Test
        void enablingAnEnabledStreamIsRefused() {
            createTable.invoke(onDemandTable("Music"));
            update("{'TableName':'Music','StreamSpecification':{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}}");

            assertValidation("{'TableName':'Music','StreamSpecification':{'StreamEnabled':true,'StreamViewType':'NEW_IMAGE'}}",
                    "Table already has an enabled stream: TableName: Music");
        }

        @Test
        void disablingWithoutAStreamIsRefused() {
            createTable.invoke(onDemandTable("Music"));

            assertValidation("{'TableName':'Music','StreamSpecification':{'StreamEnabled':false}}",
                    "Table has no stream to disable: TableName: Music");
        }

        @Test
        void enablingNeedsAViewTypeAndDisablingMustNotHaveOne() {
            createTable.invoke(onDemandTable("Music"));

            assertValidation("{'TableName':'Music','StreamSpecification':{'StreamEnabled':true}}",
                    "One or more parameter values were invalid: If stream is being enabled then UpdateViewType is required");
            assertValidation("{'TableName':'Music','StreamSpecification':{'StreamEnabled':false,'StreamViewType':'KEYS_ONLY'}}",
                    "One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not be specified");
            assertValidation("{'TableName':'Music','StreamSpecification':{'StreamEnabled':true,'StreamViewType':'ALL'}}",
                    "1 validation error detected: Value 'ALL' at 'streamSpecification.streamViewType' failed to satisfy "
                            + "constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]");
        }

        @Test
        void streamCannotChangeTogetherWithCapacity() {
            createTable.invoke(provisionedTable("Music", 5, 5));

            assertValidation("{'TableName':'Music','ProvisionedThroughput':{'ReadCapacityUnits':6,'WriteCapacityUnits':6},"
                            + "'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}}",
                    "One or more parameter values were invalid: You cannot modify stream status while updating table IOPS");
            assertValidation("{'TableName':'Music','BillingMode':'PAY_PER_REQUEST',"
                            + "'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}}",
                    "One or more parameter values were invalid: You cannot modify stream status while updating table IOPS");
            assertThat(describe("Music").has("StreamSpecification")).isFalse();
        }

        @Test
        void unchangedBillingModeMayComeWithAStreamChange() {
            createTable.invoke(onDemandTable("Music"));

            JsonNode table = update("{'TableName':'Music','BillingMode':'PAY_PER_REQUEST',"
                    + "'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}}");

            assertThat(table.has("LatestStreamArn")).isTrue();
        }
    }

    @Nested
    class Capacity {

        @Test
        void throughputChangeRecordsIncreaseAndDecrease() {
            createTable.invoke(provisionedTable("Music", 5, 5));

            JsonNode up = update("{'TableName':'Music','ProvisionedThroughput':{'ReadCapacityUnits':10,'WriteCapacityUnits':5}}")
                    .get("ProvisionedThroughput");
            assertThat(up.get("ReadCapacityUnits").longValue()).isEqualTo(10);
            assertThat(up.get("LastIncreaseDateTime").doubleValue()).isEqualTo(NOW.toEpochMilli() / 1000.0);
            assertThat(up.has("LastDecreaseDateTime")).isFalse();
            assertThat(up.get("NumberOfDecreasesToday").longValue()).isZero();

            JsonNode down = update("{'TableName':'Music','ProvisionedThroughput':{'ReadCapacityUnits':2,'WriteCapacityUnits':5}}")
                    .get("ProvisionedThroughput");
            assertThat(down.get("ReadCapacityUnits").longValue()).isEqualTo(2);
            assertThat(down.get("LastDecreaseDateTime").doubleValue()).isEqualTo(NOW.toEpochMilli() / 1000.0);
            assertThat(down.get("LastIncreaseDateTime")).isEqualTo(up.get("LastIncreaseDateTime"));
            assertThat(down.get("NumberOfDecreasesToday").longValue()).isEqualTo(1);
        }

        @Test
        void unchangedThroughputIsRefusedWithTheCurrentValues() {
            createTable.invoke(provisionedTable("Music", 5, 7));

            assertValidation("{'TableName':'Music','ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':7}}",
                    "The provisioned throughput for the table will not change. The requested value equals the current value. "
                            + "Current ReadCapacityUnits provisioned for the table: 5. Requested ReadCapacityUnits: 5. "
                            + "Current WriteCapacityUnits provisioned for the table: 7. Requested WriteCapacityUnits: 7. "
                            + "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.");
        }

        @Test
        void switchingToOnDemandZeroesCapacityAndRecordsTheSwitch() {
            createTable.invoke(provisionedTable("Music", 5, 5));

            JsonNode table = update("{'TableName':'Music','BillingMode':'PAY_PER_REQUEST'}");

            assertThat(table.get("BillingModeSummary").get("BillingMode").stringValue()).isEqualTo("PAY_PER_REQUEST");
            assertThat(table.get("BillingModeSummary").get("LastUpdateToPayPerRequestDateTime").doubleValue())
                    .isEqualTo(NOW.toEpochMilli() / 1000.0);
            assertThat(table.get("ProvisionedThroughput").get("ReadCapacityUnits").longValue()).isZero();
            assertThat(table.get("ProvisionedThroughput").get("WriteCapacityUnits").longValue()).isZero();
        }

        @Test
        void switchingToProvisionedNeedsThroughput() {
            createTable.invoke(onDemandTable("Music"));

            assertValidation("{'TableName':'Music','BillingMode':'PROVISIONED'}",
                    "One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
            JsonNode table = update("{'TableName':'Music','BillingMode':'PROVISIONED',"
                    + "'ProvisionedThroughput':{'ReadCapacityUnits':3,'WriteCapacityUnits':4}}");
            assertThat(table.get("BillingModeSummary").get("BillingMode").stringValue()).isEqualTo("PROVISIONED");
            assertThat(table.get("ProvisionedThroughput").get("ReadCapacityUnits").longValue()).isEqualTo(3);
            assertThat(table.get("ProvisionedThroughput").get("WriteCapacityUnits").longValue()).isEqualTo(4);
            // already provisioned: still DynamoDB's error, not a no-op
            assertValidation("{'TableName':'Music','BillingMode':'PROVISIONED'}",
                    "One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }

        @Test
        void onDemandTableTakesNoThroughput() {
            createTable.invoke(onDemandTable("Music"));

            assertValidation("{'TableName':'Music','ProvisionedThroughput':{'ReadCapacityUnits':3,'WriteCapacityUnits':4}}",
                    "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                            + "specified when BillingMode is PAY_PER_REQUEST");
            assertValidation("{'TableName':'Music','BillingMode':'PAY_PER_REQUEST',"
                            + "'ProvisionedThroughput':{'ReadCapacityUnits':3,'WriteCapacityUnits':4}}",
                    "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                            + "specified when BillingMode is PAY_PER_REQUEST");
        }

        @Test
        void sameBillingModeAloneChangesNothingAndAnnouncesNothing() {
            createTable.invoke(onDemandTable("Music"));
            events.events.clear();

            JsonNode table = update("{'TableName':'Music','BillingMode':'PAY_PER_REQUEST'}");

            assertThat(json(table)).isEqualTo(json(describe("Music")));
            assertThat(events.events).isEmpty();
        }

        @Test
        void throughputMembersFollowTheirConstraints() {
            createTable.invoke(provisionedTable("Music", 5, 5));

            assertValidation("{'TableName':'Music','ProvisionedThroughput':{'ReadCapacityUnits':0}}",
                    "2 validation errors detected: Value null at 'provisionedThroughput.writeCapacityUnits' failed to "
                            + "satisfy constraint: Member must not be null; Value '0' at 'provisionedThroughput.readCapacityUnits' "
                            + "failed to satisfy constraint: Member must have value greater than or equal to 1");
            assertValidation("{'TableName':'Music','ProvisionedThroughput':{'ReadCapacityUnits':1000000000001,'WriteCapacityUnits':1}}",
                    "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
        }
    }

    @Nested
    class Requests {

        @Test
        void requestWithoutAChangeIsRefused() {
            createTable.invoke(onDemandTable("Music"));

            assertValidation("{'TableName':'Music'}", "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
                    + "ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, "
                    + "WarmThroughput or TableClass is required");
        }

        @Test
        void missingTableIsResourceNotFound() {
            DynamoDbException e = assertThrows(DynamoDbException.class,
                    () -> update("{'TableName':'Nope','BillingMode':'PAY_PER_REQUEST'}"));
            assertThat(e.code()).isEqualTo("ResourceNotFoundException");
            assertThat(e.getMessage()).isEqualTo("Requested resource not found: Table: Nope not found");
        }

        @Test
        void tableBeingCreatedIsInUse() {
            createTable.invoke(onDemandTable("Music"));
            store.compute("Music", table -> table.withStatus(TableStatus.CREATING));

            DynamoDbException e = assertThrows(DynamoDbException.class,
                    () -> update("{'TableName':'Music','BillingMode':'PAY_PER_REQUEST'}"));
            assertThat(e.code()).isEqualTo("ResourceInUseException");
            assertThat(e.getMessage()).isEqualTo("Attempt to change a resource which is still in use: Table is being created: Music");
        }

        @Test
        void deletionProtectionIsToggledAlone() {
            createTable.invoke(onDemandTable("Music"));

            assertThat(update("{'TableName':'Music','DeletionProtectionEnabled':true}").get("DeletionProtectionEnabled")
                    .booleanValue()).isTrue();
            assertValidation("{'TableName':'Music','DeletionProtectionEnabled':false,'BillingMode':'PAY_PER_REQUEST'}",
                    "One or more parameter values were invalid: DeletionProtection modification must be the only operation in the request");
        }

        @Test
        void unsupportedChangesAreRefusedRatherThanIgnored() {
            createTable.invoke(onDemandTable("Music"));

            assertValidation("{'TableName':'Music','TableClass':'STANDARD'}",
                    "One or more parameter values were invalid: TableClass is not supported by this service yet");
        }
    }

    /** As the dispatcher runs it: the request validator (types, TableName, member constraints) first. */
    private JsonNode update(String request) {
        ObjectNode body = request(request);
        RequestValidator.validate(ServiceModel.DYNAMODB, "UpdateTable", body);
        return updateTable.invoke(body).get("TableDescription");
    }

    private JsonNode describe(String tableName) {
        return describeTable.invoke(request("{'TableName':'" + tableName + "'}")).get("Table");
    }

    private void assertValidation(String request, String message) {
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> update(request));
        assertThat(e.type()).isEqualTo(VALIDATION);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    private static ObjectNode onDemandTable(String name) {
        return request("{'TableName':'" + name + "','AttributeDefinitions':[{'AttributeName':'Artist','AttributeType':'S'}],"
                + "'KeySchema':[{'AttributeName':'Artist','KeyType':'HASH'}],'BillingMode':'PAY_PER_REQUEST'}");
    }

    private static ObjectNode provisionedTable(String name, long read, long write) {
        return request("{'TableName':'" + name + "','AttributeDefinitions':[{'AttributeName':'Artist','AttributeType':'S'}],"
                + "'KeySchema':[{'AttributeName':'Artist','KeyType':'HASH'}],"
                + "'ProvisionedThroughput':{'ReadCapacityUnits':" + read + ",'WriteCapacityUnits':" + write + "}}");
    }

    private static String json(JsonNode node) {
        return Json.MAPPER.writeValueAsString(node);
    }

    private static ObjectNode request(String json) {
        return Json.parseRequest(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }
}
