package dev.ddb.table.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.EncryptedMVStore;
import dev.ddb.common.encryption.KeyCheck;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.json.Json;
import dev.ddb.common.table.AttributeDefinition;
import dev.ddb.common.table.BillingMode;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ProjectionType;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.StreamViewType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.common.table.TableStatus;

class TableMetadataStoreTest {

    private static final MasterKey KEY = MasterKey.generate();

    @TempDir
    Path dataDir;

    @Test
    void answeredChangeIsOnDiskEvenIfTheProcessDiesWithoutClosing() throws IOException {
        try (TableMetadataStore store = new TableMetadataStore(dataDir, KEY)) {
            store.compute("Music", none -> table("Music"));
            // What kill -9 leaves behind is the file as it is now: copy it and open the copy.
            Path crashed = Files.createDirectory(dataDir.resolve("crashed"));
            Files.copy(dataDir.resolve(TableMetadataStore.FILE_NAME), crashed.resolve(TableMetadataStore.FILE_NAME));
            Path keyCheck = KeyCheck.checkFile(dataDir.resolve(TableMetadataStore.FILE_NAME));
            Files.copy(keyCheck, crashed.resolve(keyCheck.getFileName()));
            try (TableMetadataStore reopened = new TableMetadataStore(crashed, KEY)) {
                assertThat(reopened.find("Music")).contains(table("Music"));
            }
        }
    }

    @Test
    void theStoreIsEncryptedAndAnotherKeyIsRefused() throws IOException {
        try (TableMetadataStore store = new TableMetadataStore(dataDir, KEY)) {
            store.compute("MarkerTableName", none -> table("MarkerTableName"));
        }
        assertThat(new String(Files.readAllBytes(dataDir.resolve(TableMetadataStore.FILE_NAME)),
                java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("MarkerTableName");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TableMetadataStore(dataDir, MasterKey.generate()))
                .isInstanceOf(dev.ddb.common.encryption.MasterKeyException.class)
                .hasMessageContaining("does not open " + dataDir.resolve(TableMetadataStore.FILE_NAME));
    }

    @Test
    void tablesSurviveClosingAndReopening() {
        try (TableMetadataStore store = new TableMetadataStore(dataDir, KEY)) {
            store.compute("Music", none -> table("Music"));
            store.compute("Books", none -> table("Books"));
            store.compute("Books", existing -> null);
        }
        try (TableMetadataStore store = new TableMetadataStore(dataDir, KEY)) {
            assertThat(store.tableNames(null, 10)).containsExactly("Music");
        }
    }

    @Test
    void refusedChangeWritesNothing() {
        try (TableMetadataStore store = new TableMetadataStore(dataDir, KEY)) {
            assertThatThrownBy(() -> store.compute("Music", none -> {
                throw new IllegalStateException("refused");
            })).hasMessage("refused");
            assertThat(store.find("Music")).isEmpty();
        }
    }

    @Test
    void tableNamesArePagedInSortOrderAfterTheExclusiveStart() {
        try (TableMetadataStore store = new TableMetadataStore(dataDir, KEY)) {
            for (String name : new String[] {"delta", "alpha", "charlie", "bravo"}) {
                store.compute(name, none -> table(name));
            }
            assertThat(store.tableNames(null, 2)).containsExactly("alpha", "bravo");
            assertThat(store.tableNames("bravo", 2)).containsExactly("charlie", "delta");
            assertThat(store.tableNames("b", 10)).containsExactly("bravo", "charlie", "delta");
            assertThat(store.tableNames("delta", 10)).isEmpty();
        }
    }

    /**
     * A catalog written before the table model: the description as that version built and edited
     * it as JSON (its member order: members UpdateTable added came last), read by the codec.
     */
    @Test
    void descriptionStoredByTheJsonEditingVersionLoads() {
        String stored = """
                {"AttributeDefinitions":[{"AttributeName":"Artist","AttributeType":"S"},\
                {"AttributeName":"Title","AttributeType":"S"},{"AttributeName":"Year","AttributeType":"N"},\
                {"AttributeName":"Genre","AttributeType":"S"}],\
                "TableName":"Music","KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"},\
                {"AttributeName":"Title","KeyType":"RANGE"}],"TableStatus":"ACTIVE","CreationDateTime":1764500000.123,\
                "ProvisionedThroughput":{"LastIncreaseDateTime":1764500100.5,"NumberOfDecreasesToday":0,\
                "ReadCapacityUnits":5,"WriteCapacityUnits":5},"TableSizeBytes":0,"ItemCount":0,\
                "TableArn":"arn:aws:dynamodb:us-east-1:000000000000:table/Music",\
                "TableId":"6d3c2b1a-0000-4000-8000-000000000001",\
                "BillingModeSummary":{"BillingMode":"PROVISIONED","LastUpdateToPayPerRequestDateTime":1764500050.25},\
                "LocalSecondaryIndexes":[{"IndexName":"ByYear","KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"},\
                {"AttributeName":"Year","KeyType":"RANGE"}],"Projection":{"ProjectionType":"INCLUDE",\
                "NonKeyAttributes":["Label"]},"IndexSizeBytes":0,"ItemCount":0,\
                "IndexArn":"arn:aws:dynamodb:us-east-1:000000000000:table/Music/index/ByYear"}],\
                "GlobalSecondaryIndexes":[{"IndexName":"ByGenre","KeySchema":[{"AttributeName":"Genre","KeyType":"HASH"}],\
                "Projection":{"ProjectionType":"KEYS_ONLY"},"IndexSizeBytes":10,"ItemCount":2,\
                "IndexArn":"arn:aws:dynamodb:us-east-1:000000000000:table/Music/index/ByGenre","IndexStatus":"CREATING",\
                "ProvisionedThroughput":{"NumberOfDecreasesToday":0,"ReadCapacityUnits":1,"WriteCapacityUnits":1},\
                "Backfilling":true}],\
                "DeletionProtectionEnabled":false,\
                "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"},\
                "LatestStreamLabel":"2025-11-30T10:55:00.000",\
                "LatestStreamArn":"arn:aws:dynamodb:us-east-1:000000000000:table/Music/stream/2025-11-30T10:55:00.000"}""";
        MVStore previous = EncryptedMVStore.open(dataDir.resolve(TableMetadataStore.FILE_NAME), KEY, builder -> builder);
        MVMap<String, byte[]> tables = previous.openMap("tables");
        tables.put("Music", stored.getBytes(StandardCharsets.UTF_8));
        previous.close();

        try (TableMetadataStore store = new TableMetadataStore(dataDir, KEY)) {
            TableDescription table = store.find("Music").orElseThrow();
            assertThat(table.tableId()).isEqualTo("6d3c2b1a-0000-4000-8000-000000000001");
            assertThat(table.creationDateTime()).isEqualTo(Instant.ofEpochMilli(1764500000123L));
            assertThat(table.keySchema()).isEqualTo(new KeySchema("Artist", ScalarAttributeType.S, "Title", ScalarAttributeType.S));
            assertThat(table.billingMode()).isEqualTo(BillingMode.PROVISIONED);
            assertThat(table.provisionedThroughput().lastIncreaseDateTime()).isEqualTo(Instant.ofEpochMilli(1764500100500L));
            assertThat(table.localSecondaryIndexes().get(0).projection().nonKeyAttributes()).containsExactly("Label");
            GlobalSecondaryIndex index = table.globalSecondaryIndexes().get(0);
            assertThat(index.indexStatus()).isEqualTo(IndexStatus.CREATING);
            assertThat(index.backfilling()).isTrue();
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
            assertThat(index.itemCount()).isEqualTo(2);
            assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
            // Served and stored again with every member it had: only their order is the codec's.
            assertThat(Json.read(TableDescriptionJson.toBytes(table))).isEqualTo(Json.read(stored.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static TableDescription table(String name) {
        return new TableDescription(name, "id-" + name, "arn:aws:dynamodb:us-east-1:000000000000:table/" + name,
                TableStatus.ACTIVE, Instant.ofEpochMilli(1764500000123L),
                List.of(new AttributeDefinition("Artist", ScalarAttributeType.S)),
                KeySchema.hashOnly("Artist", ScalarAttributeType.S), ProvisionedThroughputDescription.onDemand(), null,
                List.of(), List.of(), null, null, null, false, 0, 0, null);
    }
}
