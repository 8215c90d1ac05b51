package dev.ddb.common.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.event.TableEvent;
import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;

class TableDescriptionJsonTest {

    private static final String ARN = "arn:aws:dynamodb:eu-west-1:000000000000:table/Music";

    /** A TableDescription as DescribeTable answers it, with every member the model knows. */
    private static final String FULL = """
            {"AttributeDefinitions":[{"AttributeName":"Artist","AttributeType":"S"},\
            {"AttributeName":"Song","AttributeType":"S"},{"AttributeName":"Year","AttributeType":"N"},\
            {"AttributeName":"Cover","AttributeType":"B"}],\
            "TableName":"Music",\
            "KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"},{"AttributeName":"Song","KeyType":"RANGE"}],\
            "TableStatus":"ACTIVE","CreationDateTime":1.764067054123E9,\
            "ProvisionedThroughput":{"LastIncreaseDateTime":1.764067060001E9,"LastDecreaseDateTime":1.76406707E9,\
            "NumberOfDecreasesToday":1,"ReadCapacityUnits":5,"WriteCapacityUnits":7},\
            "TableSizeBytes":0,"ItemCount":0,"TableArn":"%1$s","TableId":"0c1d2e3f",\
            "BillingModeSummary":{"BillingMode":"PROVISIONED","LastUpdateToPayPerRequestDateTime":1.764067055E9},\
            "LocalSecondaryIndexes":[{"IndexName":"ByYear",\
            "KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"},{"AttributeName":"Year","KeyType":"RANGE"}],\
            "Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["Album","Genre"]},\
            "IndexSizeBytes":0,"ItemCount":0,"IndexArn":"%1$s/index/ByYear"}],\
            "GlobalSecondaryIndexes":[{"IndexName":"ByCover","KeySchema":[{"AttributeName":"Cover","KeyType":"HASH"}],\
            "Projection":{"ProjectionType":"KEYS_ONLY"},"IndexSizeBytes":120,"ItemCount":3,\
            "IndexArn":"%1$s/index/ByCover","IndexStatus":"ACTIVE",\
            "ProvisionedThroughput":{"NumberOfDecreasesToday":0,"ReadCapacityUnits":1,"WriteCapacityUnits":2}},\
            {"IndexName":"BySong","KeySchema":[{"AttributeName":"Song","KeyType":"HASH"},\
            {"AttributeName":"Year","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"},\
            "IndexSizeBytes":0,"ItemCount":0,"IndexArn":"%1$s/index/BySong","IndexStatus":"CREATING",\
            "ProvisionedThroughput":{"NumberOfDecreasesToday":0,"ReadCapacityUnits":3,"WriteCapacityUnits":4},\
            "Backfilling":true}],\
            "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"},\
            "LatestStreamLabel":"2025-11-25T10:37:34.123",\
            "LatestStreamArn":"%1$s/stream/2025-11-25T10:37:34.123",\
            "DeletionProtectionEnabled":true}""".formatted(ARN);

    @Test
    void aFullTableDescriptionReadsIntoTheModelAndWritesBackAsTheSameJson() {
        TableDescription table = TableDescriptionJson.read(Json.read(FULL.getBytes(StandardCharsets.UTF_8)));

        assertThat(table.tableName()).isEqualTo("Music");
        assertThat(table.tableId()).isEqualTo("0c1d2e3f");
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.creationDateTime()).isEqualTo(Instant.ofEpochMilli(1_764_067_054_123L));
        assertThat(table.keySchema()).isEqualTo(new KeySchema("Artist", ScalarAttributeType.S, "Song", ScalarAttributeType.S));
        assertThat(table.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(table.provisionedThroughput()).isEqualTo(new ProvisionedThroughputDescription(
                Instant.ofEpochMilli(1_764_067_060_001L), Instant.ofEpochMilli(1_764_067_070_000L), 1, 5, 7));
        assertThat(table.localSecondaryIndexes()).containsExactly(new LocalSecondaryIndex("ByYear",
                new KeySchema("Artist", ScalarAttributeType.S, "Year", ScalarAttributeType.N),
                new Projection(ProjectionType.INCLUDE, List.of("Album", "Genre")), 0, 0, ARN + "/index/ByYear"));
        assertThat(table.globalSecondaryIndexes()).containsExactly(
                new GlobalSecondaryIndex("ByCover", KeySchema.hashOnly("Cover", ScalarAttributeType.B),
                        Projection.of(ProjectionType.KEYS_ONLY), IndexStatus.ACTIVE, null,
                        ProvisionedThroughputDescription.of(1, 2), 120, 3, ARN + "/index/ByCover"),
                new GlobalSecondaryIndex("BySong", new KeySchema("Song", ScalarAttributeType.S, "Year", ScalarAttributeType.N),
                        Projection.of(ProjectionType.ALL), IndexStatus.CREATING, true,
                        ProvisionedThroughputDescription.of(3, 4), 0, 0, ARN + "/index/BySong"));
        assertThat(table.streamSpecification()).isEqualTo(StreamSpecification.enabled(StreamViewType.NEW_AND_OLD_IMAGES));
        assertThat(table.latestStreamArn()).isEqualTo(ARN + "/stream/2025-11-25T10:37:34.123");
        assertThat(table.deletionProtectionEnabled()).isTrue();
        assertThat(table.secondaryIndexes()).extracting(SecondaryIndex::indexName).containsExactly("ByYear", "ByCover", "BySong");

        assertThat(new String(TableDescriptionJson.toBytes(table), StandardCharsets.UTF_8)).isEqualTo(FULL);
        assertThat(TableDescriptionJson.fromBytes(TableDescriptionJson.toBytes(table))).isEqualTo(table);
    }

    @Test
    void anOnDemandTableWithoutIndexesOrStreamWritesOnlyTheMembersItHas() {
        TableDescription table = new TableDescription("Plain", "id-1", ARN, TableStatus.CREATING,
                Instant.ofEpochMilli(1_000), List.of(new AttributeDefinition("pk", ScalarAttributeType.N)),
                KeySchema.hashOnly("pk", ScalarAttributeType.N), ProvisionedThroughputDescription.onDemand(),
                new BillingModeSummary(BillingMode.PAY_PER_REQUEST, Instant.ofEpochMilli(1_000)),
                List.of(), List.of(), null, null, null, false, 0, 0, null);

        String json = new String(TableDescriptionJson.toBytes(table), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"N\"}],"
                + "\"TableName\":\"Plain\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"TableStatus\":\"CREATING\",\"CreationDateTime\":1.0,"
                + "\"ProvisionedThroughput\":{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":0,\"WriteCapacityUnits\":0},"
                + "\"TableSizeBytes\":0,\"ItemCount\":0,\"TableArn\":\"" + ARN + "\",\"TableId\":\"id-1\","
                + "\"BillingModeSummary\":{\"BillingMode\":\"PAY_PER_REQUEST\",\"LastUpdateToPayPerRequestDateTime\":1.0},"
                + "\"DeletionProtectionEnabled\":false}");
        assertThat(TableDescriptionJson.fromBytes(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(table);
        assertThat(table.payPerRequest()).isTrue();
        assertThat(table.streamEnabled()).isFalse();
    }

    @Test
    void aRestoredTableCarriesItsRestoreSummaryInDescribeTablesShape() {
        TableDescription table = new TableDescription("Restored", "id-2", ARN, TableStatus.CREATING,
                Instant.ofEpochMilli(2_000), List.of(new AttributeDefinition("pk", ScalarAttributeType.S)),
                KeySchema.hashOnly("pk", ScalarAttributeType.S), ProvisionedThroughputDescription.onDemand(),
                new BillingModeSummary(BillingMode.PAY_PER_REQUEST, Instant.ofEpochMilli(2_000)),
                List.of(), List.of(), null, null, null, false, 0, 0, null, Map.of(), null,
                new RestoreSummary("arn:backup", "arn:source", Instant.ofEpochMilli(1_500), true));

        JsonNode json = Json.read(TableDescriptionJson.toBytes(table));

        assertThat(Json.MAPPER.writeValueAsString(json.get("RestoreSummary"))).isEqualTo("{\"SourceBackupArn\":\"arn:backup\","
                + "\"SourceTableArn\":\"arn:source\",\"RestoreDateTime\":1.5,\"RestoreInProgress\":true}");
        TableDescription read = TableDescriptionJson.read(json);
        assertThat(read).isEqualTo(table);
        assertThat(read.restoreInProgress()).isTrue();
        assertThat(read.withRestoreSummary(read.restoreSummary().finished()).restoreInProgress()).isFalse();
    }

    @Test
    void aTableEventCarriesTheDescriptionInDescribeTablesShape() {
        TableDescription table = TableDescriptionJson.read(Json.read(FULL.getBytes(StandardCharsets.UTF_8)));
        TableEvent event = new TableEvent(TableEvent.Type.UPDATED, "Music", "0c1d2e3f", 42, table);

        TableEvent read = TableEvent.fromJson(event.toJson());

        assertThat(read).isEqualTo(event);
        assertThat(Json.read(event.toJson()).get("table")).isEqualTo(Json.read(FULL.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theTimeToLiveSettingIsStoredAndCarriedInTableEventsButNotInDescribeTablesShape() {
        TableDescription table = TableDescriptionJson.read(Json.read(FULL.getBytes(StandardCharsets.UTF_8)))
                .withTimeToLive(TimeToLive.enabled("expiresAt", Instant.ofEpochMilli(1_764_067_100_250L)));

        assertThat(TableDescriptionJson.fromBytes(TableDescriptionJson.toBytes(table))).isEqualTo(table);
        assertThat(TableDescriptionJson.fromBytes(TableDescriptionJson.toBytes(table)).timeToLiveAttribute()).isEqualTo("expiresAt");
        assertThat(TableEvent.fromJson(TableEvent.of(TableEvent.Type.UPDATED, table).toJson()).table()).isEqualTo(table);
        assertThat(TableDescriptionJson.write(table).has("TimeToLive")).isFalse();

        TableDescription disabled = table.withTimeToLive(TimeToLive.disabled("expiresAt", Instant.ofEpochMilli(1_764_067_200_000L)));
        assertThat(TableDescriptionJson.fromBytes(TableDescriptionJson.toBytes(disabled))).isEqualTo(disabled);
        assertThat(disabled.timeToLiveAttribute()).isNull();
    }

    @Test
    void tagsAreStoredAndCarriedInTableEventsInTheirOrderButNotInDescribeTablesShape() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("zeta", "1");
        tags.put("alpha", "");
        TableDescription table = TableDescriptionJson.read(Json.read(FULL.getBytes(StandardCharsets.UTF_8))).withTags(tags);

        TableDescription stored = TableDescriptionJson.fromBytes(TableDescriptionJson.toBytes(table));
        assertThat(stored).isEqualTo(table);
        assertThat(stored.tags().keySet()).containsExactly("zeta", "alpha");
        assertThat(TableEvent.fromJson(TableEvent.of(TableEvent.Type.UPDATED, table).toJson()).table()).isEqualTo(table);
        assertThat(TableDescriptionJson.write(table).has("Tags")).isFalse();
        assertThat(TableDescriptionJson.read(Json.read(FULL.getBytes(StandardCharsets.UTF_8))).tags()).isEmpty();
    }

    @Test
    void aDescriptionStoredBeforeTimeToLiveReadsAsDisabled() {
        TableDescription table = TableDescriptionJson.read(Json.read(FULL.getBytes(StandardCharsets.UTF_8)));

        assertThat(table.timeToLive()).isNull();
        assertThat(table.timeToLiveAttribute()).isNull();
    }

    @Test
    void aKeyAttributeWithoutAnAttributeDefinitionIsNoTableDescription() {
        String json = "{\"TableName\":\"T\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}";

        assertThatThrownBy(() -> TableDescriptionJson.read(Json.read(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** An on-demand table with maximums on the table and on one of its global indexes, as DescribeTable shows it. */
    private static final String ON_DEMAND_WITH_MAXIMUMS = """
            {"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"owner","AttributeType":"S"}],\
            "TableName":"Capped","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],\
            "TableStatus":"ACTIVE","CreationDateTime":1.0,\
            "ProvisionedThroughput":{"NumberOfDecreasesToday":0,"ReadCapacityUnits":0,"WriteCapacityUnits":0},\
            "TableSizeBytes":0,"ItemCount":0,"TableArn":"%1$s","TableId":"id-2",\
            "BillingModeSummary":{"BillingMode":"PAY_PER_REQUEST","LastUpdateToPayPerRequestDateTime":1.0},\
            "GlobalSecondaryIndexes":[{"IndexName":"byOwner","KeySchema":[{"AttributeName":"owner","KeyType":"HASH"}],\
            "Projection":{"ProjectionType":"ALL"},"IndexSizeBytes":0,"ItemCount":0,"IndexArn":"%1$s/index/byOwner",\
            "IndexStatus":"ACTIVE","ProvisionedThroughput":{"NumberOfDecreasesToday":0,"ReadCapacityUnits":0,\
            "WriteCapacityUnits":0},"OnDemandThroughput":{"MaxWriteRequestUnits":7}},\
            {"IndexName":"byOther","KeySchema":[{"AttributeName":"owner","KeyType":"HASH"}],\
            "Projection":{"ProjectionType":"KEYS_ONLY"},"IndexSizeBytes":0,"ItemCount":0,"IndexArn":"%1$s/index/byOther",\
            "IndexStatus":"ACTIVE","ProvisionedThroughput":{"NumberOfDecreasesToday":0,"ReadCapacityUnits":0,\
            "WriteCapacityUnits":0}}],\
            "DeletionProtectionEnabled":false,\
            "OnDemandThroughput":{"MaxReadRequestUnits":100,"MaxWriteRequestUnits":10}}""".formatted(ARN);

    @Test
    void onDemandMaximumsOfTheTableAndItsGlobalIndexesReadAndWriteBackAsDynamoDbShowsThem() {
        TableDescription table = TableDescriptionJson.read(Json.read(ON_DEMAND_WITH_MAXIMUMS.getBytes(StandardCharsets.UTF_8)));

        assertThat(table.onDemandThroughput()).isEqualTo(new OnDemandThroughput(100L, 10L));
        assertThat(table.globalIndex("byOwner").orElseThrow().onDemandThroughput()).isEqualTo(new OnDemandThroughput(null, 7L));
        assertThat(table.globalIndex("byOther").orElseThrow().onDemandThroughput()).isNull();
        assertThat(TableDescriptionJson.write(table).toString()).isEqualTo(ON_DEMAND_WITH_MAXIMUMS);
        assertThat(TableDescriptionJson.fromBytes(TableDescriptionJson.toBytes(table))).isEqualTo(table);
        assertThat(TableEvent.fromJson(TableEvent.of(TableEvent.Type.UPDATED, table).toJson()).table()).isEqualTo(table);
    }

    @Test
    void aDescriptionStoredBeforeOnDemandMaximumsReadsAsHavingNone() {
        TableDescription table = TableDescriptionJson.read(Json.read(FULL.getBytes(StandardCharsets.UTF_8)));

        assertThat(table.onDemandThroughput()).isNull();
        assertThat(table.globalSecondaryIndexes()).allSatisfy(index -> assertThat(index.onDemandThroughput()).isNull());
    }

    @Test
    void removingBothMaximumsLeavesNoOnDemandThroughput() {
        OnDemandThroughput both = OnDemandThroughput.merge(null, 10L, 20L);

        assertThat(both).isEqualTo(new OnDemandThroughput(10L, 20L));
        assertThat(OnDemandThroughput.merge(both, 30L, null)).isEqualTo(new OnDemandThroughput(30L, 20L));
        assertThat(OnDemandThroughput.merge(both, -1L, null)).isEqualTo(new OnDemandThroughput(null, 20L));
        assertThat(OnDemandThroughput.merge(both, -1L, -1L)).isNull();
        assertThat(OnDemandThroughput.merge(null, null, null)).isNull();
    }
}
