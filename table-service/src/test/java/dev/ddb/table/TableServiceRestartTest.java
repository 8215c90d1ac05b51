package dev.ddb.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ddb.table.support.FakeItemService;
import dev.ddb.table.support.RecordingEvents;
import dev.ddb.table.support.RecordingProvisioner;
import dev.ddb.table.support.TestSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** Tables are stored, not kept in memory: a new service on the same data directory still has them. */
class TableServiceRestartTest {

    @TempDir
    Path dataDir;

    /**
     * Also an index still being built when table-service stops: it is still CREATING after the
     * restart, the new service's item-service (a fresh fake that never heard of it) is sent the
     * table again, and the index finishes.
     */
    @Test
    void tablesAndIndexesBeingCreatedSurviveARestart() {
        TableDescription created;
        try (ConfigurableApplicationContext service = start(); DynamoDbClient dynamo = client(service)) {
            created = dynamo.createTable(TableServiceSdkTest.hashAndRangeTable("Music")).tableDescription();
            dynamo.createTable(TableServiceSdkTest.hashAndRangeTable("Deleted"));
            dynamo.deleteTable(b -> b.tableName("Deleted"));
            dynamo.createTable(TableServiceSdkTest.hashAndRangeTable("Indexed"));
            dynamo.updateTable(b -> b.tableName("Indexed").attributeDefinitions(TableServiceSdkTest.attribute("Genre"))
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("ByGenre")
                            .keySchema(TableServiceSdkTest.key("Genre", KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                            .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)))));
        }

        try (ConfigurableApplicationContext service = start(); DynamoDbClient dynamo = client(service)) {
            GlobalSecondaryIndexDescription index = dynamo.describeTable(b -> b.tableName("Indexed")).table()
                    .globalSecondaryIndexes().get(0);
            assertThat(index.indexStatus()).isEqualTo(IndexStatus.CREATING);
            assertThat(index.backfilling()).isTrue();
            service.getBean(RecordingProvisioner.class).finishBackfill("Indexed", "ByGenre", 0, 0);
            assertThat(dynamo.describeTable(b -> b.tableName("Indexed")).table().globalSecondaryIndexes().get(0)
                    .indexStatus()).isEqualTo(IndexStatus.ACTIVE);

            assertThat(dynamo.listTables().tableNames()).containsExactly("Indexed", "Music");
            TableDescription described = dynamo.describeTable(b -> b.tableName("Music")).table();
            assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(described.tableId()).isEqualTo(created.tableId());
            assertThat(described.creationDateTime()).isEqualTo(created.creationDateTime());
        }
    }

    @Test
    void tagsSurviveARestart() {
        String arn;
        try (ConfigurableApplicationContext service = start(); DynamoDbClient dynamo = client(service)) {
            arn = dynamo.createTable(TableServiceSdkTest.hashAndRangeTable("Tagged").toBuilder()
                    .tags(Tag.builder().key("team").value("storage").build()).build()).tableDescription().tableArn();
            dynamo.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("env").value("test").build()));
        }

        try (ConfigurableApplicationContext service = start(); DynamoDbClient dynamo = client(service)) {
            assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags()).containsExactly(
                    Tag.builder().key("team").value("storage").build(), Tag.builder().key("env").value("test").build());
        }
    }

    private ConfigurableApplicationContext start() {
        return TableServiceApplication.builder()
                .sources(FakeItemService.class, RecordingEvents.class)
                .run(TestSettings.commandLine(dataDir));
    }

    private static DynamoDbClient client(ConfigurableApplicationContext service) {
        return TestSettings.dynamoDb(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }
}
