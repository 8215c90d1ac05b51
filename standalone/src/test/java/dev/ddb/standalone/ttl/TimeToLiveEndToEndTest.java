package dev.ddb.standalone.ttl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import dev.ddb.standalone.streams.StreamApiReader;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Time to Live through the whole stack: UpdateTimeToLive on the gateway, item-service's sweeper
 * deleting expired items within the documented lag, one REMOVE stream record per item from
 * DynamoDB's service principal, and the items without an expiry, or with one extended in time, kept.
 */
class TimeToLiveEndToEndTest {

    private static final int EXPIRING = 1_000;
    private static final int PERMANENT = 20;
    /** The README's lag: the sweeper's interval (1 s) plus a pass; generous for a busy build machine. */
    private static final Duration LAG = Duration.ofSeconds(10);

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;
    static DynamoDbStreamsClient streams;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        client = Clients.dynamoDb(stack.gatewayUrl());
        streams = DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(stack.gatewayUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    @AfterAll
    static void stop() {
        streams.close();
        client.close();
        stack.close();
    }

    @Test
    void expiredItemsAreDeletedWithinTheLagEachWithOneRemoveRecordFromTheServiceAndOthersStay() throws Exception {
        String table = "Sessions";
        String streamArn = client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
        client.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(s -> s.enabled(true).attributeName("expiresAt")));
        assertThat(client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.ENABLED);
        // The sweeper learns of TTL from the table event: give it a moment before the first expiry.
        Thread.sleep(500);

        long start = System.currentTimeMillis() / 1000;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < EXPIRING; i++) {
            items.add(Map.of("id", AttributeValue.fromS("exp-" + i),
                    "expiresAt", AttributeValue.fromN(Long.toString(start + 1 + i % 10))));
        }
        for (int i = 0; i < PERMANENT; i++) {
            items.add(Map.of("id", AttributeValue.fromS("keep-" + i)));
        }
        items.add(Map.of("id", AttributeValue.fromS("text"), "expiresAt", AttributeValue.fromS(Long.toString(start))));
        // Written and extended first: on a busy machine writing the others takes seconds, longer than its 3 s.
        Map<String, AttributeValue> extended = Map.of("id", AttributeValue.fromS("extended"),
                "expiresAt", AttributeValue.fromN(Long.toString(start + 3)));
        write(table, List.of(extended));
        client.updateItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("extended")))
                .updateExpression("SET expiresAt = :later")
                .expressionAttributeValues(Map.of(":later", AttributeValue.fromN(Long.toString(start + 3600)))));
        write(table, items);
        items.add(extended);

        long deadline = (start + 11) * 1000 + LAG.toMillis();
        int left;
        do {
            Thread.sleep(250);
            left = client.scan(b -> b.tableName(table).filterExpression("begins_with(id, :p)")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("exp-")))).count();
        } while (left > 0 && System.currentTimeMillis() < deadline);
        assertThat(left).as("expiring items left after the lag").isZero();

        Set<String> kept = new HashSet<>();
        client.scan(b -> b.tableName(table)).items().forEach(item -> kept.add(item.get("id").s()));
        Set<String> expectedKept = new HashSet<>(List.of("text", "extended"));
        for (int i = 0; i < PERMANENT; i++) {
            expectedKept.add("keep-" + i);
        }
        assertThat(kept).isEqualTo(expectedKept);

        int expectedRecords = items.size() + 1 + EXPIRING; // inserts, the extending update, the removals
        Map<String, List<Record>> shards = new StreamApiReader(streams).readAll(streamArn, expectedRecords, Duration.ofSeconds(30));
        Map<String, Integer> removals = new HashMap<>();
        for (List<Record> records : shards.values()) {
            for (Record record : records) {
                if (record.eventName() == OperationType.REMOVE) {
                    removals.merge(record.dynamodb().keys().get("id").s(), 1, Integer::sum);
                    assertThat(record.userIdentity()).isNotNull();
                    assertThat(record.userIdentity().type()).isEqualTo("Service");
                    assertThat(record.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
                    assertThat(record.dynamodb().oldImage()).containsKey("expiresAt");
                } else {
                    assertThat(record.userIdentity()).isNull();
                }
            }
        }
        assertThat(removals).hasSize(EXPIRING);
        assertThat(removals.keySet()).allMatch(id -> id.startsWith("exp-"));
        assertThat(removals.values()).containsOnly(1);
    }

    private static void write(String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> unprocessed = Map.of(table, batch);
            while (!unprocessed.isEmpty()) {
                Map<String, List<WriteRequest>> request = unprocessed;
                unprocessed = client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
    }
}
