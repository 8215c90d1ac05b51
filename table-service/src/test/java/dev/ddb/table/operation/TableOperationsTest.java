package dev.ddb.table.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.event.TableEvent;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.Operation;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.request.RequestValidator;
import dev.ddb.common.request.ServiceModel;
import dev.ddb.common.table.RestoreSummary;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.common.table.TableStatus;
import dev.ddb.table.TableServiceProperties;
import dev.ddb.table.metadata.TableDescriptionFactory;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.restore.RestoredTables;
import dev.ddb.table.support.RecordingEventPublisher;
import dev.ddb.table.support.RecordingProvisioner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The four operations against a real store, with item-service and Kafka replaced by recorders. */
class TableOperationsTest {

    private static final MasterKey KEY = MasterKey.generate();

    @TempDir
    Path dataDir;

    private TableMetadataStore store;
    private final RecordingProvisioner provisioner = new RecordingProvisioner();
    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private CreateTableOperation createTable;
    private DeleteTableOperation deleteTable;
    private DescribeTableOperation describeTable;
    private ListTablesOperation listTables;

    @BeforeEach
    void start() {
        TableServiceProperties properties = new TableServiceProperties(dataDir, URI.create("http://localhost:1"),
                "123456789012", Duration.ofSeconds(1), Duration.ofSeconds(1));
        store = new TableMetadataStore(dataDir, KEY);
        createTable = new CreateTableOperation(new TableDescriptionFactory(properties), store, provisioner, events, properties);
        IndexTransitions indexTransitions = new IndexTransitions(store, provisioner, provisioner, events);
        deleteTable = new DeleteTableOperation(store, provisioner, events, indexTransitions);
        describeTable = new DescribeTableOperation(store, indexTransitions, tableKey -> Optional.empty());
        listTables = new ListTablesOperation(store);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void createTableAnswersAnActiveDescriptionInDynamoDbsShape() {
        double before = System.currentTimeMillis() / 1000.0;
        JsonNode table = createTable.invoke(new RequestContext("eu-west-1"), request("{'TableName':'Music',"
                + "'AttributeDefinitions':[{'AttributeName':'Artist','AttributeType':'S'},{'AttributeName':'Song','AttributeType':'S'}],"
                + "'KeySchema':[{'AttributeName':'Artist','KeyType':'HASH'},{'AttributeName':'Song','KeyType':'RANGE'}],"
                + "'ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':7}}")).get("TableDescription");

        assertThat(table.get("TableName").stringValue()).isEqualTo("Music");
        assertThat(table.get("TableStatus").stringValue()).isEqualTo("ACTIVE");
        assertThat(table.get("KeySchema").get(1).get("KeyType").stringValue()).isEqualTo("RANGE");
        assertThat(table.get("AttributeDefinitions")).hasSize(2);
        assertThat(table.get("CreationDateTime").isFloatingPointNumber()).isTrue();
        assertThat(table.get("CreationDateTime").doubleValue()).isBetween(before, before + 60);
        assertThat(table.get("ProvisionedThroughput").get("NumberOfDecreasesToday").intValue()).isZero();
        assertThat(table.get("ProvisionedThroughput").get("ReadCapacityUnits").longValue()).isEqualTo(5);
        assertThat(table.get("ProvisionedThroughput").get("WriteCapacityUnits").longValue()).isEqualTo(7);
        assertThat(table.get("TableSizeBytes").longValue()).isZero();
        assertThat(table.get("ItemCount").longValue()).isZero();
        assertThat(table.get("TableArn").stringValue()).isEqualTo("arn:aws:dynamodb:eu-west-1:123456789012:table/Music");
        assertThat(UUID.fromString(table.get("TableId").stringValue())).isNotNull();
        assertThat(table.has("BillingModeSummary")).isFalse();
        assertThat(table.get("DeletionProtectionEnabled").booleanValue()).isFalse();
    }

    @Test
    void tablesAreKeptPerRegion() {
        RequestContext europe = new RequestContext("eu-west-1");
        JsonNode home = createTable.invoke(musicTable()).get("TableDescription");
        JsonNode european = createTable.invoke(europe, musicTable()).get("TableDescription");
        createTable.invoke(europe, request("{'TableName':'Films',"
                + "'AttributeDefinitions':[{'AttributeName':'Title','AttributeType':'S'}],"
                + "'KeySchema':[{'AttributeName':'Title','KeyType':'HASH'}],'BillingMode':'PAY_PER_REQUEST'}"));

        assertThat(home.get("TableArn").stringValue()).isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/Music");
        assertThat(european.get("TableArn").stringValue()).isEqualTo("arn:aws:dynamodb:eu-west-1:123456789012:table/Music");
        assertThat(european.get("TableId").stringValue()).isNotEqualTo(home.get("TableId").stringValue());
        assertThat(json(listTables.invoke(request("{}")))).isEqualTo("{\"TableNames\":[\"Music\"]}");
        assertThat(json(listTables.invoke(europe, request("{}")))).isEqualTo("{\"TableNames\":[\"Films\",\"Music\"]}");
        assertThat(json(listTables.invoke(europe, request("{'ExclusiveStartTableName':'Films'}"))))
                .isEqualTo("{\"TableNames\":[\"Music\"]}");
        assertThat(json(listTables.invoke(new RequestContext("ap-south-1"), request("{}")))).isEqualTo("{\"TableNames\":[]}");
        assertThat(events.events).extracting(TableEvent::tableKey).containsExactly("Music", "eu-west-1/Music", "eu-west-1/Films");

        deleteTable.invoke(europe, request("{'TableName':'Music'}"));
        assertThat(provisioner.deprovisioned).containsExactly("eu-west-1/Music");
        assertThat(describeTable.invoke(request("{'TableName':'Music'}")).get("Table").get("TableArn").stringValue())
                .isEqualTo(home.get("TableArn").stringValue());
        assertThrows(DynamoDbException.class, () -> describeTable.invoke(europe, request("{'TableName':'Music'}")));
    }

    @Test
    void createdTableIsProvisionedDescribedAndAnnounced() {
        JsonNode created = createTable.invoke(musicTable()).get("TableDescription");

        assertThat(json(provisioner.lastProvisioned("Music"))).isEqualTo(json(created));
        assertThat(json(describeTable.invoke(request("{'TableName':'Music'}")).get("Table"))).isEqualTo(json(created));
        assertThat(events.events).singleElement().satisfies(event -> {
            assertThat(event.eventType()).isEqualTo(TableEvent.Type.CREATED);
            assertThat(event.tableName()).isEqualTo("Music");
            assertThat(event.tableId()).isEqualTo(created.get("TableId").stringValue());
            assertThat(event.table()).isEqualTo(TableDescriptionJson.read(created));
        });
    }

    @Test
    void onDemandTableReportsZeroCapacityAndItsBillingMode() {
        JsonNode table = createTable.invoke(request("{'TableName':'Music',"
                + "'AttributeDefinitions':[{'AttributeName':'Artist','AttributeType':'S'},{'AttributeName':'Year','AttributeType':'N'}],"
                + "'KeySchema':[{'AttributeName':'Artist','KeyType':'HASH'}],'BillingMode':'PAY_PER_REQUEST',"
                + "'GlobalSecondaryIndexes':[{'IndexName':'ByYear','KeySchema':[{'AttributeName':'Year','KeyType':'HASH'}],"
                + "'Projection':{'ProjectionType':'KEYS_ONLY'}}],"
                + "'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'NEW_AND_OLD_IMAGES'}}")).get("TableDescription");

        assertThat(table.get("ProvisionedThroughput").get("ReadCapacityUnits").longValue()).isZero();
        assertThat(table.get("ProvisionedThroughput").get("WriteCapacityUnits").longValue()).isZero();
        assertThat(table.get("BillingModeSummary").get("BillingMode").stringValue()).isEqualTo("PAY_PER_REQUEST");
        JsonNode index = table.get("GlobalSecondaryIndexes").get(0);
        assertThat(index.get("IndexName").stringValue()).isEqualTo("ByYear");
        assertThat(index.get("IndexStatus").stringValue()).isEqualTo("ACTIVE");
        assertThat(index.get("Projection").get("ProjectionType").stringValue()).isEqualTo("KEYS_ONLY");
        assertThat(index.get("ProvisionedThroughput").get("ReadCapacityUnits").longValue()).isZero();
        assertThat(index.get("IndexArn").stringValue()).isEqualTo(table.get("TableArn").stringValue() + "/index/ByYear");
        assertThat(table.get("StreamSpecification").get("StreamViewType").stringValue()).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void createTableOfAnExistingNameIsResourceInUse() {
        createTable.invoke(musicTable());

        DynamoDbException e = assertThrows(DynamoDbException.class, () -> createTable.invoke(musicTable()));
        assertThat(e.type()).isEqualTo("com.amazonaws.dynamodb.v20120810#ResourceInUseException");
        assertThat(e.getMessage()).isEqualTo("Table already exists: Music");
        assertThat(provisioner.provisioned).hasSize(1);
    }

    @Test
    void failedProvisioningLeavesNoTableBehind() {
        provisioner.fail();

        DynamoDbException e = assertThrows(DynamoDbException.class, () -> createTable.invoke(musicTable()));
        assertThat(e.type()).isEqualTo("com.amazonaws.dynamodb.v20120810#InternalServerError");
        assertThat(e.status()).isEqualTo(500);
        assertThat(store.find("Music")).isEmpty();
        assertThat(events.events).isEmpty();

        provisioner.recover();
        assertThat(createTable.invoke(musicTable()).get("TableDescription").get("TableStatus").stringValue()).isEqualTo("ACTIVE");
    }

    @Test
    void deleteTableAnswersDeletingAndForgetsTheTable() {
        JsonNode created = createTable.invoke(musicTable()).get("TableDescription");

        JsonNode deleted = deleteTable.invoke(request("{'TableName':'Music'}")).get("TableDescription");

        assertThat(deleted.get("TableStatus").stringValue()).isEqualTo("DELETING");
        assertThat(deleted.get("TableId")).isEqualTo(created.get("TableId"));
        assertThat(provisioner.deprovisioned).containsExactly("Music");
        assertThat(store.find("Music")).isEmpty();
        assertThat(events.events).last().satisfies(event -> {
            assertThat(event.eventType()).isEqualTo(TableEvent.Type.DELETED);
            assertThat(event.tableId()).isEqualTo(created.get("TableId").stringValue());
        });
    }

    @Test
    void failedDeprovisioningKeepsTheTableActive() {
        createTable.invoke(musicTable());
        provisioner.fail();

        DynamoDbException e = assertThrows(DynamoDbException.class, () -> deleteTable.invoke(request("{'TableName':'Music'}")));
        assertThat(e.status()).isEqualTo(500);
        assertThat(store.find("Music").orElseThrow().tableStatus()).isEqualTo(TableStatus.ACTIVE);
    }

    @Test
    void missingTableIsResourceNotFound() {
        DynamoDbException describe = assertThrows(DynamoDbException.class, () -> describeTable.invoke(request("{'TableName':'Nope'}")));
        DynamoDbException delete = assertThrows(DynamoDbException.class, () -> deleteTable.invoke(request("{'TableName':'Nope'}")));

        for (DynamoDbException e : new DynamoDbException[] {describe, delete}) {
            assertThat(e.type()).isEqualTo("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException");
            assertThat(e.getMessage()).isEqualTo("Requested resource not found: Table: Nope not found");
        }
    }

    @Test
    void tablesAreNamedByTheirArnAsWellAsByName() {
        JsonNode created = createTable.invoke(musicTable()).get("TableDescription");
        String arn = created.get("TableArn").stringValue();

        assertThat(json(dispatched(describeTable, "DescribeTable", "{'TableName':'" + arn + "'}").get("Table")))
                .isEqualTo(json(created));
        assertThat(dispatched(deleteTable, "DeleteTable", "{'TableName':'" + arn + "'}").get("TableDescription")
                .get("TableStatus").stringValue()).isEqualTo("DELETING");
        assertThat(store.find("Music")).isEmpty();
    }

    @Test
    void describeTableChecksTheTableName() {
        DynamoDbException missing = assertThrows(DynamoDbException.class,
                () -> dispatched(describeTable, "DescribeTable", "{}"));
        DynamoDbException pattern = assertThrows(DynamoDbException.class,
                () -> dispatched(describeTable, "DescribeTable", "{'TableName':'a b c'}"));

        assertThat(missing.getMessage()).isEqualTo("The parameter 'TableName' is required but was not present in the request");
        assertThat(pattern.getMessage()).isEqualTo("1 validation error detected: Value 'a b c' at 'tableName' failed to "
                + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void protectedTableIsNotDeleted() {
        ObjectNode protectedTable = musicTable();
        protectedTable.put("DeletionProtectionEnabled", true);
        createTable.invoke(protectedTable);

        DynamoDbException e = assertThrows(DynamoDbException.class, () -> deleteTable.invoke(request("{'TableName':'Music'}")));
        assertThat(e.type()).isEqualTo("com.amazon.coral.validate#ValidationException");
        assertThat(e.getMessage()).isEqualTo("Resource cannot be deleted as it is currently protected against deletion. "
                + "Disable deletion protection first.");
        assertThat(store.find("Music")).isPresent();
    }

    @Test
    void listTablesPagesWithLastEvaluatedTableNameOnlyWhenMoreRemain() {
        for (String name : new String[] {"ccc", "aaa", "bbb"}) {
            createTable.invoke(table(name));
        }

        JsonNode first = listTables.invoke(request("{'Limit':2}"));
        assertThat(names(first)).isEqualTo("[\"aaa\",\"bbb\"]");
        assertThat(first.get("LastEvaluatedTableName").stringValue()).isEqualTo("bbb");

        JsonNode last = listTables.invoke(request("{'Limit':2,'ExclusiveStartTableName':'bbb'}"));
        assertThat(names(last)).isEqualTo("[\"ccc\"]");
        assertThat(last.has("LastEvaluatedTableName")).isFalse();

        JsonNode exact = listTables.invoke(request("{'Limit':3}"));
        assertThat(names(exact)).isEqualTo("[\"aaa\",\"bbb\",\"ccc\"]");
        assertThat(exact.has("LastEvaluatedTableName")).isFalse();
    }

    @Test
    void listTablesOfNoTablesAnswersAnEmptyList() {
        assertThat(Json.MAPPER.writeValueAsString(listTables.invoke(request("{}")))).isEqualTo("{\"TableNames\":[]}");
    }

    @Test
    void listTablesChecksLimitAndExclusiveStartTableName() {
        // dynalite test/listTables.js: exclusiveStartTableName before limit
        DynamoDbException e = assertThrows(DynamoDbException.class,
                () -> dispatched(listTables, "ListTables", "{'Limit':101,'ExclusiveStartTableName':'ab'}"));
        assertThat(e.getMessage()).isEqualTo("2 validation errors detected: "
                + "Value 'ab' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
                + "Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");

        DynamoDbException zero = assertThrows(DynamoDbException.class, () -> dispatched(listTables, "ListTables", "{'Limit':0}"));
        assertThat(zero.getMessage()).isEqualTo("1 validation error detected: Value '0' at 'limit' failed to satisfy "
                + "constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void tableLeftCreatingByACrashIsRolledBackAtStartup() {
        createTable.invoke(musicTable());
        store.compute("Music", table -> table.withStatus(TableStatus.CREATING));
        createTable.invoke(table("Books"));
        events.events.clear();

        new UnfinishedTableChanges(store, events, provisioner).afterSingletonsInstantiated();

        assertThat(store.find("Music")).isEmpty();
        assertThat(store.find("Books")).isPresent();
        assertThat(provisioner.deprovisioned).containsExactly("Music");
        assertThat(events.events).singleElement().satisfies(event -> {
            assertThat(event.eventType()).isEqualTo(TableEvent.Type.DELETED);
            assertThat(event.tableName()).isEqualTo("Music");
        });
    }

    @Test
    void aRestoredTableIsCreatingUntilFinishedSurvivesARestartCheckAndCanBeAbandoned() {
        RestoredTables restored = new RestoredTables(createTable, store, provisioner, events);
        RestoreSummary summary = new RestoreSummary("arn:backup", "arn:source", java.time.Instant.ofEpochMilli(1_000), true);
        String tableId = restored.create(RequestContext.DEFAULT, musicTable(), summary).tableId();

        JsonNode creating = describeTable.invoke(request("{'TableName':'Music'}")).get("Table");
        assertThat(creating.get("TableStatus").stringValue()).isEqualTo("CREATING");
        assertThat(creating.get("RestoreSummary").get("RestoreInProgress").booleanValue()).isTrue();
        assertThat(creating.get("RestoreSummary").get("SourceBackupArn").stringValue()).isEqualTo("arn:backup");
        assertThat(provisioner.provisioned).last().satisfies(table -> assertThat(table.get("TableStatus").stringValue()).isEqualTo("CREATING"));
        DynamoDbException busy = assertThrows(DynamoDbException.class, () -> deleteTable.invoke(musicTable()));
        assertThat(busy.code()).isEqualTo("ResourceInUseException");

        // a restart leaves it to backup-service, which finishes (or abandons) it
        new UnfinishedTableChanges(store, events, provisioner).afterSingletonsInstantiated();
        assertThat(store.find("Music")).isPresent();

        restored.finish("Music", tableId);
        JsonNode active = describeTable.invoke(request("{'TableName':'Music'}")).get("Table");
        assertThat(active.get("TableStatus").stringValue()).isEqualTo("ACTIVE");
        assertThat(active.get("RestoreSummary").get("RestoreInProgress").booleanValue()).isFalse();
        assertThat(provisioner.provisioned).last().satisfies(table -> assertThat(table.get("TableStatus").stringValue()).isEqualTo("ACTIVE"));

        String otherId = restored.create(RequestContext.DEFAULT, table("Books"), summary).tableId();
        restored.abandon("Books", "not-" + otherId); // another table of that name: untouched
        assertThat(store.find("Books")).isPresent();
        restored.abandon("Books", otherId);
        assertThat(store.find("Books")).isEmpty();
        assertThat(provisioner.deprovisioned).contains("Books");
        assertThat(events.events).last().satisfies(event -> assertThat(event.eventType()).isEqualTo(TableEvent.Type.DELETED));
    }

    private static ObjectNode musicTable() {
        return table("Music");
    }

    private static ObjectNode table(String name) {
        return request("{'TableName':'" + name + "','AttributeDefinitions':[{'AttributeName':'Artist','AttributeType':'S'}],"
                + "'KeySchema':[{'AttributeName':'Artist','KeyType':'HASH'}],'BillingMode':'PAY_PER_REQUEST'}");
    }

    private static String names(JsonNode response) {
        return json(response.get("TableNames"));
    }

    /** Compares what goes on the wire: a description read back from the store has other number node types. */
    private static String json(JsonNode node) {
        return Json.MAPPER.writeValueAsString(node);
    }

    /** As the dispatcher runs an operation: the request validator (types, TableName, member constraints) first. */
    private static JsonNode dispatched(Operation operation, String name, String json) {
        ObjectNode body = request(json);
        RequestValidator.validate(ServiceModel.DYNAMODB, name, body);
        return operation.invoke(body);
    }

    private static ObjectNode request(String json) {
        return Json.parseRequest(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }
}
