package dev.ddb.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A stopped and restarted stack finds its tables and items again. */
class RestartPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void tablesAndItemsSurviveARestart() {
        Map<String, AttributeValue> item = DynamoDbEndToEndTest.everyType("kept", "1");
        try (LocalStack stack = LocalStack.start(StackSettings.ephemeral(dataDir));
             DynamoDbClient client = Clients.dynamoDb(stack.gatewayUrl())) {
            client.createTable(DynamoDbEndToEndTest.hashRangeTable("Durable"));
            client.putItem(r -> r.tableName("Durable").item(item));
        }
        try (LocalStack stack = LocalStack.start(StackSettings.ephemeral(dataDir));
             DynamoDbClient client = Clients.dynamoDb(stack.gatewayUrl())) {
            assertThat(client.listTables().tableNames()).contains("Durable");
            assertThat(client.getItem(r -> r.tableName("Durable")
                    .key(Map.of("pk", AttributeValue.fromS("kept"), "sk", AttributeValue.fromN("1")))).item())
                    .isEqualTo(item);
        }
    }
}
