package dev.ddb.standalone.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.ddb.common.json.Json;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import dev.ddb.standalone.kafka.EmbeddedKafkaBroker;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The {@code tail} subcommand against real Kafka: what the README tells a user to run. */
class TailCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    @Timeout(180)
    void printsAStreamRecordOfTheReadmesTableAsOneLineOfJson() throws Exception {
        try (LocalStack stack = LocalStack.start(StackSettings.ephemeral(dataDir));
                DynamoDbClient ddb = DynamoDbClient.builder()
                        .endpointOverride(URI.create(stack.gatewayUrl()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .build()) {
            ddb.createTable(r -> r.tableName("Music").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("Artist").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("Song").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("Artist").keyType(KeyType.HASH),
                            k -> k.attributeName("Song").keyType(KeyType.RANGE))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
            ddb.putItem(r -> r.tableName("Music").item(Map.of("Artist", AttributeValue.fromS("Arturus"),
                    "Song", AttributeValue.fromS("Call Me Today"), "Year", AttributeValue.fromN("2020"))));

            // As `DDB_KAFKA_PORT=<port> java -jar ddb-standalone.jar tail ddb.stream.Music` would.
            String kafkaPort = stack.kafkaBootstrapServers().substring(stack.kafkaBootstrapServers().lastIndexOf(':') + 1);
            int exitCode = tail(Map.of("DDB_KAFKA_PORT", kafkaPort), "ddb.stream.Music", "--max-records", "1")
                    .get(120, TimeUnit.SECONDS);

            assertThat(exitCode).isZero();
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).hasSize(1);
            JsonNode line = Json.read(lines.get(0).getBytes(StandardCharsets.UTF_8));
            assertThat(line.get("key").asString()).isEqualTo("Arturus");
            assertThat(line.get("offset").asLong()).isZero();
            JsonNode record = line.get("value");
            assertThat(record.get("eventName").asString()).isEqualTo("INSERT");
            assertThat(record.get("dynamodb").get("Keys").get("Song").get("S").asString()).isEqualTo("Call Me Today");
            assertThat(record.get("dynamodb").get("NewImage").get("Year").get("N").asString()).isEqualTo("2020");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("Reading ddb.stream.Music from " + stack.kafkaBootstrapServers());
        }
    }

    @Test
    @Timeout(120)
    void fromTheEndPrintsOnlyNewRecordsOfATopicThatDidNotExistWhenItStarted() throws Exception {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, 0, 0).start();
                KafkaProducer<String, String> producer = new KafkaProducer<>(
                        Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            CompletableFuture<Integer> tail = tail(Map.of(), "later", "--from-end", "--max-records", "1",
                    "--bootstrap-servers", broker.bootstrapServers());
            awaitErr("does not exist yet");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("later", 2, (short) 1))).all().get();
            }
            producer.send(new ProducerRecord<>("later", "k", "before")).get();
            // Until the tail has sought to the end, a new record may still count as old: send until one shows.
            for (int i = 0; !tail.isDone(); i++) {
                producer.send(new ProducerRecord<>("later", "k", "{\"n\":" + i + "}")).get();
                Thread.sleep(200);
            }
            assertThat(tail.get()).isZero();
            String line = out.toString(StandardCharsets.UTF_8).strip();
            assertThat(line).startsWith("{\"partition\":").contains("\"key\":\"k\"").contains("\"value\":{\"n\":")
                    .doesNotContain("before");
        }
    }

    @Test
    void badArgumentsExitWithUsage() {
        int exitCode = TailCommand.run(new String[] {"--from-end"}, Map.of(), print(out), print(err));
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Name the topic").contains("Usage: tail <topic>");
        assertThat(out.size()).isZero();
    }

    private CompletableFuture<Integer> tail(Map<String, String> env, String... args) {
        return CompletableFuture.supplyAsync(() -> TailCommand.run(args, env, print(out), print(err)));
    }

    private void awaitErr(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!err.toString(StandardCharsets.UTF_8).contains(text)) {
            assertThat(System.nanoTime()).as("tail to say: " + text).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
