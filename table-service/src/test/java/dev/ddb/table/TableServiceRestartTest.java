package dev.ddb.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ddb.table.support.FakeItemService;
import dev.ddb.table.support.TestSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Tables are stored, not kept in memory: a new service on the same data directory still has them. */
class TableServiceRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void tablesSurviveARestart() {
        TableDescription created;
        try (ConfigurableApplicationContext service = start(); DynamoDbClient dynamo = client(service)) {
            created = dynamo.createTable(TableServiceSdkTest.hashAndRangeTable("Music")).tableDescription();
            dynamo.createTable(TableServiceSdkTest.hashAndRangeTable("Deleted"));
            dynamo.deleteTable(b -> b.tableName("Deleted"));
        }

        try (ConfigurableApplicationContext service = start(); DynamoDbClient dynamo = client(service)) {
            assertThat(dynamo.listTables().tableNames()).containsExactly("Music");
            TableDescription described = dynamo.describeTable(b -> b.tableName("Music")).table();
            assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(described.tableId()).isEqualTo(created.tableId());
            assertThat(described.creationDateTime()).isEqualTo(created.creationDateTime());
        }
    }

    private ConfigurableApplicationContext start() {
        return TableServiceApplication.builder()
                .sources(FakeItemService.class)
                .run(TestSettings.commandLine(dataDir));
    }

    private static DynamoDbClient client(ConfigurableApplicationContext service) {
        return TestSettings.dynamoDb(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }
}
