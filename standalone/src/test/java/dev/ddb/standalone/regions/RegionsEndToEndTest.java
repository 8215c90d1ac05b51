package dev.ddb.standalone.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Tables are kept per region, the region of the request's signature: clients signed for us-east-1
 * and eu-west-1 against the same stack see separate tables of the same name, their own ARNs,
 * streams and stream topics.
 */
class RegionsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static DynamoDbClient us;
    private static DynamoDbClient eu;
    private static DynamoDbStreamsClient usStreams;
    private static DynamoDbStreamsClient euStreams;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        us = dynamoDb(Region.US_EAST_1);
        eu = dynamoDb(Region.EU_WEST_1);
        usStreams = streams(Region.US_EAST_1);
        euStreams = streams(Region.EU_WEST_1);
    }

    @AfterAll
    static void stopStack() {
        usStreams.close();
        euStreams.close();
        us.close();
        eu.close();
        stack.close();
    }

    @Test
    void clientsSignedForDifferentRegionsSeeSeparateTables() throws InterruptedException {
        TableDescription usMusic = createTable(us, "Music");
        TableDescription euMusic = createTable(eu, "Music");
        TableDescription euFilms = createTable(eu, "Films");

        assertThat(usMusic.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Music");
        assertThat(euMusic.tableArn()).isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/Music");
        assertThat(euMusic.tableId()).isNotEqualTo(usMusic.tableId());
        assertThat(euMusic.latestStreamArn()).startsWith("arn:aws:dynamodb:eu-west-1:000000000000:table/Music/stream/");
        assertThat(us.describeTable(b -> b.tableName("Music")).table().tableArn()).isEqualTo(usMusic.tableArn());
        assertThat(eu.describeTable(b -> b.tableName("Music")).table().tableArn()).isEqualTo(euMusic.tableArn());

        assertThat(us.listTables().tableNames()).containsExactly("Music");
        assertThat(eu.listTables().tableNames()).containsExactly("Films", "Music");
        assertThatThrownBy(() -> us.describeTable(b -> b.tableName("Films"))).isInstanceOf(ResourceNotFoundException.class);

        us.putItem(b -> b.tableName("Music").item(Map.of("Artist", s("Arturus"), "Song", s("Home"))));
        eu.putItem(b -> b.tableName("Music").item(Map.of("Artist", s("Arturus"), "Song", s("Abroad"))));
        assertThat(us.getItem(b -> b.tableName("Music").key(Map.of("Artist", s("Arturus")))).item().get("Song"))
                .isEqualTo(s("Home"));
        assertThat(eu.getItem(b -> b.tableName("Music").key(Map.of("Artist", s("Arturus")))).item().get("Song"))
                .isEqualTo(s("Abroad"));
        assertThat(us.scan(b -> b.tableName("Music")).count()).isEqualTo(1);
        assertThat(eu.scan(b -> b.tableName("Music")).count()).isEqualTo(1);

        // Each region's Streams API sees its own streams (once stream-service has the tables' events), and their records.
        awaitStreams(euStreams, 2);
        awaitStreams(usStreams, 1);
        assertThat(usStreams.listStreams().streams()).extracting(Stream::streamArn)
                .containsExactly(usMusic.latestStreamArn());
        assertThat(euStreams.listStreams().streams()).extracting(Stream::streamArn)
                .containsExactly(euFilms.latestStreamArn(), euMusic.latestStreamArn());
        assertThat(euStreams.listStreams(b -> b.tableName("Music")).streams()).extracting(Stream::streamArn)
                .containsExactly(euMusic.latestStreamArn());
        assertThatThrownBy(() -> usStreams.describeStream(b -> b.streamArn(euMusic.latestStreamArn())))
                .isInstanceOf(ResourceNotFoundException.class);
        Record euRecord = firstRecord(euStreams, euMusic.latestStreamArn());
        assertThat(euRecord.awsRegion()).isEqualTo("eu-west-1");
        assertThat(euRecord.dynamodb().newImage().get("Song")).isEqualTo(s("Abroad"));
        Record usRecord = firstRecord(usStreams, usMusic.latestStreamArn());
        assertThat(usRecord.awsRegion()).isEqualTo("us-east-1");
        assertThat(usRecord.dynamodb().newImage().get("Song")).isEqualTo(s("Home"));

        // The default region's topic keeps its documented name; other regions' name the region.
        try (KafkaConsumer<String, String> consumer = consumer()) {
            assertThat(consumer.listTopics(WAIT).keySet()).contains("ddb.stream.Music", "ddb.stream.eu-west-1.Music");
        }

        // Deleting one region's table leaves the other's.
        eu.deleteTable(b -> b.tableName("Music"));
        assertThat(eu.listTables().tableNames()).containsExactly("Films");
        assertThat(us.getItem(b -> b.tableName("Music").key(Map.of("Artist", s("Arturus")))).item().get("Song"))
                .isEqualTo(s("Home"));
        assertThatThrownBy(() -> eu.getItem(b -> b.tableName("Music").key(Map.of("Artist", s("Arturus")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void regionReachesTheServicesWhenTheGatewayForwardsOverHttp(@TempDir Path httpDataDir) {
        try (LocalStack httpStack = LocalStack.start(StackSettings.ephemeral(httpDataDir).withInProcessGateway(false));
             DynamoDbClient home = dynamoDb(httpStack, Region.US_EAST_1);
             DynamoDbClient europe = dynamoDb(httpStack, Region.EU_WEST_1)) {
            createTable(home, "Music");
            TableDescription european = createTable(europe, "Music");
            createTable(europe, "Films");

            assertThat(european.tableArn()).isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/Music");
            assertThat(home.listTables().tableNames()).containsExactly("Music");
            assertThat(europe.listTables().tableNames()).containsExactly("Films", "Music");
            home.putItem(b -> b.tableName("Music").item(Map.of("Artist", s("Arturus"), "Song", s("Home"))));
            europe.putItem(b -> b.tableName("Music").item(Map.of("Artist", s("Arturus"), "Song", s("Abroad"))));
            assertThat(europe.getItem(b -> b.tableName("Music").key(Map.of("Artist", s("Arturus")))).item().get("Song"))
                    .isEqualTo(s("Abroad"));
            assertThat(home.getItem(b -> b.tableName("Music").key(Map.of("Artist", s("Arturus")))).item().get("Song"))
                    .isEqualTo(s("Home"));
        }
    }

    private static void awaitStreams(DynamoDbStreamsClient client, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (client.listStreams().streams().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static Record firstRecord(DynamoDbStreamsClient client, String streamArn) throws InterruptedException {
        String shardId = client.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
        String iterator = client.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<Record> records = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (records.isEmpty() && iterator != null && System.nanoTime() < deadline) {
            String current = iterator;
            var page = client.getRecords(b -> b.shardIterator(current));
            records.addAll(page.records());
            iterator = page.nextShardIterator();
            if (records.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertThat(records).as("records of " + streamArn).isNotEmpty();
        return records.get(0);
    }

    private static TableDescription createTable(DynamoDbClient client, String name) {
        return client.createTable(b -> b.tableName(name)
                .attributeDefinitions(d -> d.attributeName(keyOf(name)).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(keyOf(name)).keyType(KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                .tableDescription();
    }

    private static String keyOf(String tableName) {
        return tableName.equals("Music") ? "Artist" : "Title";
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static DynamoDbClient dynamoDb(Region region) {
        return dynamoDb(stack, region);
    }

    private static DynamoDbClient dynamoDb(LocalStack target, Region region) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(target.gatewayUrl()))
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private static DynamoDbStreamsClient streams(Region region) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(URI.create(stack.gatewayUrl()))
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
