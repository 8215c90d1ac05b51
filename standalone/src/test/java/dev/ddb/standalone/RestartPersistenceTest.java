package dev.ddb.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.kinesis.KinesisTopicReader;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DestinationStatus;

/** A stopped and restarted stack finds its tables and items again, and its Kinesis streaming destinations. */
class RestartPersistenceTest {

    private static final String DESTINATION = "arn:aws:kinesis:us-east-1:000000000000:stream/durable";

    @TempDir
    Path dataDir;

    @Test
    void tablesAndItemsSurviveARestart() {
        Map<String, AttributeValue> item = DynamoDbEndToEndTest.everyType("kept", "1");
        try (LocalStack stack = LocalStack.start(StackSettings.ephemeral(dataDir));
             DynamoDbClient client = Clients.dynamoDb(stack.gatewayUrl())) {
            client.createTable(DynamoDbEndToEndTest.hashRangeTable("Durable"));
            client.putItem(r -> r.tableName("Durable").item(item));
            client.enableKinesisStreamingDestination(r -> r.tableName("Durable").streamArn(DESTINATION));
            client.putItem(r -> r.tableName("Durable").item(Map.of("pk", AttributeValue.fromS("before"),
                    "sk", AttributeValue.fromN("1"))));
        }
        try (LocalStack stack = LocalStack.start(StackSettings.ephemeral(dataDir));
             DynamoDbClient client = Clients.dynamoDb(stack.gatewayUrl())) {
            assertThat(client.listTables().tableNames()).contains("Durable");
            assertThat(client.getItem(r -> r.tableName("Durable")
                    .key(Map.of("pk", AttributeValue.fromS("kept"), "sk", AttributeValue.fromN("1")))).item())
                    .isEqualTo(item);
            assertThat(client.describeKinesisStreamingDestination(r -> r.tableName("Durable")).kinesisDataStreamDestinations())
                    .singleElement().satisfies(d -> assertThat(d.destinationStatus()).isEqualTo(DestinationStatus.ACTIVE));
            client.putItem(r -> r.tableName("Durable").item(Map.of("pk", AttributeValue.fromS("after"),
                    "sk", AttributeValue.fromN("1"))));
            try (KinesisTopicReader reader = new KinesisTopicReader(stack.kafkaBootstrapServers(), "ddb.kinesis.durable")) {
                assertThat(reader.readUntil(record -> record.key().equals("after"), Duration.ofSeconds(30)))
                        .as("the change before the restart once, the one after it too")
                        .extracting(ConsumerRecord::key).containsExactlyInAnyOrder("before", "after");
            }
        }
    }
}
