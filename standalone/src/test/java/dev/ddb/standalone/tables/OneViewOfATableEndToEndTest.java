package dev.ddb.standalone.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.table.TableStatus;
import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import dev.ddb.table.metadata.TableMetadataStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Right after CreateTable, UpdateTable or DeleteTable answers, every service acts on the new state:
 * the Streams API lists a stream enabled a moment ago, item-service takes writes to a new table and
 * enforces a capacity changed a moment ago, a deleted table is gone everywhere. No waiting or
 * polling between the change and the check: each is repeated on several tables so that a lag would
 * show. A disabled stream is DISABLING for a moment (its shards close), then DISABLED, as in
 * DynamoDB. A table left CREATING by a crash is removed everywhere when table-service starts again.
 * The burst window is 1 second ({@code ddb.item.capacity.burst-seconds}) so that it is spent at once.
 */
class OneViewOfATableEndToEndTest {

    private static final String BURST = "ddb.item.capacity.burst-seconds";
    private static final int ROUNDS = 5;

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;
    static DynamoDbStreamsClient streams;

    @BeforeAll
    static void start() {
        System.setProperty(BURST, "1"); // read when item-service starts
        try {
            stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        } finally {
            System.clearProperty(BURST);
        }
        client = Clients.dynamoDbWithoutRetries(stack.gatewayUrl());
        streams = Clients.streams(stack.gatewayUrl());
    }

    @AfterAll
    static void stop() {
        streams.close();
        client.close();
        stack.close();
    }

    @Test
    void aTableCreatedWithAStreamIsUsableEverywhereAtOnce() {
        for (int round = 0; round < ROUNDS; round++) {
            String table = "Created" + round;
            TableDescription created = client.createTable(table(table, BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))
                    .build()).tableDescription();

            assertThat(created.tableStatusAsString()).isEqualTo("ACTIVE");
            assertThat(streams.listStreams(b -> b.tableName(table)).streams())
                    .singleElement().satisfies(stream -> assertThat(stream.streamArn()).isEqualTo(created.latestStreamArn()));
            assertThat(streams.describeStream(b -> b.streamArn(created.latestStreamArn())).streamDescription().streamStatus())
                    .isEqualTo(StreamStatus.ENABLED);
            client.putItem(b -> b.tableName(table).item(Map.of("id", s("a"))));
            assertThat(client.listTables().tableNames()).contains(table);
            assertThat(client.describeTable(b -> b.tableName(table)).table().tableStatusAsString()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void aStreamEnabledOrDisabledByUpdateTableIsSeenAtOnce() {
        for (int round = 0; round < ROUNDS; round++) {
            String table = "Updated" + round;
            client.createTable(table(table, BillingMode.PAY_PER_REQUEST).build());

            String arn = client.updateTable(b -> b.tableName(table)
                            .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)))
                    .tableDescription().latestStreamArn();
            assertThat(streams.listStreams(b -> b.tableName(table)).streams())
                    .singleElement().satisfies(stream -> assertThat(stream.streamArn()).isEqualTo(arn));
            assertThat(streams.describeStream(b -> b.streamArn(arn)).streamDescription().streamStatus())
                    .isEqualTo(StreamStatus.ENABLED);

            client.updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(false)));
            assertThat(streams.describeStream(b -> b.streamArn(arn)).streamDescription().streamStatus())
                    .isIn(StreamStatus.DISABLING, StreamStatus.DISABLED);
        }
    }

    @Test
    void aCapacityChangeAppliesToTheNextWrite() {
        for (int round = 0; round < ROUNDS; round++) {
            String table = "Capacity" + round;
            client.createTable(table(table, BillingMode.PROVISIONED)
                    .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)).build());
            writeUntilThrottled(table);

            client.updateTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST));
            for (int i = 0; i < 20; i++) {
                int n = i;
                client.putItem(b -> b.tableName(table).item(Map.of("id", s("on-demand-" + n))));
            }
        }
    }

    @Test
    void aDeletedTableIsGoneEverywhereAtOnce() {
        for (int round = 0; round < ROUNDS; round++) {
            String table = "Deleted" + round;
            String arn = client.createTable(table(table, BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))
                    .build()).tableDescription().latestStreamArn();
            client.putItem(b -> b.tableName(table).item(Map.of("id", s("a"))));

            TableDescription deleting = client.deleteTable(b -> b.tableName(table)).tableDescription();

            assertThat(deleting.tableStatusAsString()).isEqualTo("DELETING");
            assertThatThrownBy(() -> client.describeTable(b -> b.tableName(table))).isInstanceOf(ResourceNotFoundException.class);
            assertThat(client.listTables().tableNames()).doesNotContain(table);
            assertThatThrownBy(() -> client.getItem(b -> b.tableName(table).key(Map.of("id", s("a")))))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(streams.describeStream(b -> b.streamArn(arn)).streamDescription().streamStatus())
                    .isIn(StreamStatus.DISABLING, StreamStatus.DISABLED);

            client.createTable(table(table, BillingMode.PAY_PER_REQUEST).build());
            assertThat(client.getItem(b -> b.tableName(table).key(Map.of("id", s("a")))).hasItem()).isFalse();
        }
    }

    @Test
    void aTableLeftCreatingByACrashIsRemovedEverywhereOnRestart() {
        client.createTable(table("Interrupted", BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)).build());
        client.putItem(b -> b.tableName("Interrupted").item(Map.of("id", s("a"))));
        client.createTable(table("Finished", BillingMode.PAY_PER_REQUEST).build());

        // What a crash between storing a new table and answering CreateTable leaves in table-service's store.
        stack.stopService("table-service");
        try (TableMetadataStore tables = new TableMetadataStore(dataDir.resolve("table-service"), MasterKey.read(dataDir.resolve("master.key")))) {
            tables.compute("Interrupted", table -> table.withStatus(TableStatus.CREATING));
        }
        stack.startService("table-service");

        assertThatThrownBy(() -> client.describeTable(b -> b.tableName("Interrupted"))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(client.listTables().tableNames()).contains("Finished").doesNotContain("Interrupted");
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("Interrupted").item(Map.of("id", s("b")))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(streams.listStreams(b -> b.tableName("Interrupted")).streams())
                .allSatisfy(stream -> assertThat(streams.describeStream(b -> b.streamArn(stream.streamArn()))
                        .streamDescription().streamStatus()).isIn(StreamStatus.DISABLING, StreamStatus.DISABLED));
        client.putItem(b -> b.tableName("Finished").item(Map.of("id", s("a"))));
    }

    private static void writeUntilThrottled(String table) {
        for (int i = 0; i < 1000; i++) {
            int n = i;
            try {
                client.putItem(b -> b.tableName(table).item(Map.of("id", s("provisioned-" + n))));
            } catch (ProvisionedThroughputExceededException e) {
                return;
            }
        }
        throw new AssertionError("1,000 writes to a table with 1 WCU were not throttled");
    }

    private static CreateTableRequest.Builder table(String name, BillingMode billing) {
        return CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(billing);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
