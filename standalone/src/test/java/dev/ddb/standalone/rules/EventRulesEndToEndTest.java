package dev.ddb.standalone.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.json.Json;
import dev.ddb.standalone.Await;
import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import tools.jackson.databind.JsonNode;

/**
 * Event rules through the gateway with the AWS SDK's EventBridgeClient: a rule whose pattern keeps only
 * high-value orders ("total" over 100) sends exactly those changes, in EventBridge's envelope, to a Kafka
 * topic (read by a real consumer) and to an HTTP function (an in-process server registered in DDB_FUNCTIONS),
 * retried in order when the function fails;
 * a disabled rule delivers nothing, not even later; rules and their progress survive a restart of
 * stream-service; bad patterns get InvalidEventPatternException.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventRulesEndToEndTest {

    private static final String FUNCTIONS = "ddb.stream.functions";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "high-value-orders";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:orders-handler";
    private static final String HIGH_VALUE = """
            {"source": ["aws.dynamodb"], "detail-type": ["DynamoDB Stream Record"],
             "detail": {"tableName": ["Orders"], "eventName": ["INSERT", "MODIFY"],
                        "newImage": {"total": [{"numeric": [">", 100]}]}}}""";

    @TempDir
    static Path dataDir;

    private static HttpServer function;
    private static final List<JsonNode> invocations = new CopyOnWriteArrayList<>();
    private static final java.util.concurrent.atomic.AtomicBoolean failedOnce = new java.util.concurrent.atomic.AtomicBoolean();
    private static LocalStack stack;
    private static DynamoDbClient dynamo;
    private static EventBridgeClient events;
    private static KafkaConsumer<String, String> topic;
    private static final List<JsonNode> published = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        function = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        function.createContext("/orders", exchange -> {
            JsonNode image = Json.read(exchange.getRequestBody().readAllBytes());
            invocations.add(image);
            // order 4 fails once: the rule retries it before it goes on
            boolean fail = image.path("order").asInt() == 4 && !failedOnce.getAndSet(true);
            exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            exchange.close();
        });
        function.start();
        System.setProperty(FUNCTIONS, "orders-handler=http://127.0.0.1:" + function.getAddress().getPort() + "/orders");
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        dynamo = Clients.dynamoDb(stack.gatewayUrl());
        events = EventBridgeClient.builder()
                .endpointOverride(URI.create(stack.gatewayUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        topic = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + TOPIC, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        topic.subscribe(List.of(TOPIC));
        dynamo.createTable(b -> b.tableName("Orders")
                .keySchema(k -> k.attributeName("customer").keyType(KeyType.HASH), k -> k.attributeName("order").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("customer").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("order").attributeType(ScalarAttributeType.N))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    @AfterAll
    static void stop() {
        System.clearProperty(FUNCTIONS);
        topic.close();
        events.close();
        dynamo.close();
        stack.close();
        function.stop(0);
    }

    @Test
    @Order(1)
    void onlyHighValueOrdersReachTheTopicAndTheFunction() {
        String arn = events.putRule(b -> b.name("high-value-orders").eventPattern(HIGH_VALUE)
                .description("orders over 100")).ruleArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/high-value-orders");
        events.putTargets(b -> b.rule("high-value-orders").targets(
                Target.builder().id("topic").arn("kafka://" + TOPIC).build(),
                Target.builder().id("function").arn(FUNCTION_ARN).inputPath("$.detail.newImage").build()));

        DescribeRuleResponse described = events.describeRule(b -> b.name("high-value-orders"));
        assertThat(described.state()).isEqualTo(RuleState.ENABLED);
        assertThat(described.eventBusName()).isEqualTo("default");
        assertThat(described.description()).isEqualTo("orders over 100");
        assertThat(Json.read(described.eventPattern().getBytes())).isEqualTo(Json.read(HIGH_VALUE.getBytes()));
        assertThat(events.listRules(b -> b.namePrefix("high-")).rules()).extracting(r -> r.name()).containsExactly("high-value-orders");
        assertThat(events.listTargetsByRule(b -> b.rule("high-value-orders")).targets())
                .extracting(Target::id, Target::arn).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("topic", "kafka://" + TOPIC),
                        org.assertj.core.groups.Tuple.tuple("function", FUNCTION_ARN));
        assertThat(events.listRuleNamesByTarget(b -> b.targetArn(FUNCTION_ARN)).ruleNames()).containsExactly("high-value-orders");

        order(1, "50");
        order(2, "150");
        order(3, "99.5");
        order(4, "250.25");
        order(5, "100");
        dynamo.updateItem(b -> b.tableName("Orders").key(key(1))
                .updateExpression("SET #t = :t").expressionAttributeNames(Map.of("#t", "total"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromN("1000"))));

        // One customer: one shard, in order; the last change arriving means all before it were matched.
        List<JsonNode> received = readTopic(3);
        assertThat(received).extracting(event -> event.at("/detail/newImage/order").asInt()).containsExactly(2, 4, 1);
        assertThat(received).extracting(event -> event.at("/detail/eventName").stringValue())
                .containsExactly("INSERT", "INSERT", "MODIFY");
        JsonNode first = received.get(0);
        assertThat(first.get("version").stringValue()).isEqualTo("0");
        assertThat(first.get("source").stringValue()).isEqualTo("aws.dynamodb");
        assertThat(first.get("detail-type").stringValue()).isEqualTo("DynamoDB Stream Record");
        assertThat(first.get("region").stringValue()).isEqualTo("us-east-1");
        assertThat(first.get("account").stringValue()).isEqualTo("000000000000");
        assertThat(first.get("resources").get(0).stringValue()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Orders");
        assertThat(first.at("/detail/dynamodb/NewImage/total/N").stringValue()).isEqualTo("150");
        assertThat(first.at("/detail/eventSourceARN").stringValue()).startsWith("arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/");
        assertThat(received.get(2).at("/detail/oldImage/total").decimalValue()).isEqualByComparingTo("50");

        await("the function's three events and a retry", () -> invocations.size() >= 4);
        // InputPath: the function gets the new image only, numbers exact; order 4 again after its failure
        assertThat(invocations).extracting(image -> image.get("total").decimalValue().toPlainString())
                .containsExactly("150", "250.25", "250.25", "1000");

        // EventBridge's CloudWatch metrics, per rule (counted once the function's answers are in)
        List<String> expected = List.of("events_matched_events_total{rule=\"high-value-orders\",service=\"stream-service\"} 3.0",
                "events_invocations_total{rule=\"high-value-orders\",service=\"stream-service\"} 6.0",
                "events_retry_invocation_attempts_total{rule=\"high-value-orders\",service=\"stream-service\"} 1.0",
                "events_failed_invocations_total{rule=\"high-value-orders\",service=\"stream-service\"} 0.0");
        await("the rule's metrics", () -> expected.stream().allMatch(prometheus()::contains));
    }

    private static String prometheus() {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(stack.metricsUrls().get("stream-service"))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(2)
    void aDisabledRuleDeliversNothingNotEvenOnceEnabledAgain() {
        events.disableRule(b -> b.name("high-value-orders"));
        assertThat(events.describeRule(b -> b.name("high-value-orders")).state()).isEqualTo(RuleState.DISABLED);
        order(6, "600");
        awaitInStream(6);
        events.enableRule(b -> b.name("high-value-orders"));
        order(7, "700");

        List<JsonNode> received = readTopic(1);
        assertThat(received.get(0).at("/detail/newImage/order").asInt()).isEqualTo(7);
        await("the function's fourth event", () -> invocations.size() >= 5);
        assertThat(invocations).extracting(image -> image.get("order").asInt()).containsExactly(2, 4, 4, 1, 7);
    }

    @Test
    @Order(3)
    void rulesAndTheirProgressSurviveARestartOfStreamService() {
        stack.stopService("stream-service");
        order(8, "800"); // written while the rules are down: delivered once they are back
        stack.startService("stream-service");
        assertThat(events.describeRule(b -> b.name("high-value-orders")).state()).isEqualTo(RuleState.ENABLED);

        List<JsonNode> received = readTopic(1); // exactly one: nothing delivered before is sent again
        assertThat(received.get(0).at("/detail/newImage/order").asInt()).isEqualTo(8);
        await("the function's event after the restart", () -> invocations.size() >= 6);
        assertThat(invocations).extracting(image -> image.get("order").asInt()).containsExactly(2, 4, 4, 1, 7, 8);
    }

    @Test
    @Order(4)
    void badPatternsAndMissingRulesGetEventBridgesErrors() {
        assertThatThrownBy(() -> events.putRule(b -> b.name("bad").eventPattern("{\"detail\": {\"total\": [{\"numeric\": [\">\", \"x\"]}]}}")))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageStartingWith("Event pattern is not valid. Reason: ");
        assertThatThrownBy(() -> events.putRule(b -> b.name("bad").eventPattern("{\"detail\": \"x\"}")))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining("\"detail\" must be an object or an array");
        assertThatThrownBy(() -> events.putRule(b -> b.name("bad").eventPattern("not json")))
                .isInstanceOf(InvalidEventPatternException.class);
        assertThatThrownBy(() -> events.describeRule(b -> b.name("nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Rule nope does not exist on EventBus default.");
        assertThatThrownBy(() -> events.putTargets(b -> b.rule("high-value-orders")
                .targets(Target.builder().id("x").arn("arn:aws:sqs:us-east-1:000000000000:queue").build())))
                .isInstanceOf(EventBridgeException.class)
                .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> events.deleteRule(b -> b.name("high-value-orders")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageStartingWith("Rule can't be deleted since it has targets.");

        assertThat(events.testEventPattern(b -> b.eventPattern(HIGH_VALUE).event(
                "{\"source\": \"aws.dynamodb\", \"detail-type\": \"DynamoDB Stream Record\", "
                        + "\"detail\": {\"tableName\": \"Orders\", \"eventName\": \"INSERT\", \"newImage\": {\"total\": 101}}}")).result()).isTrue();

        events.removeTargets(b -> b.rule("high-value-orders").ids("topic", "function"));
        events.deleteRule(b -> b.name("high-value-orders"));
        assertThat(events.listRules(b -> b.namePrefix("high-")).rules()).isEmpty();
    }

    private static Map<String, AttributeValue> key(int order) {
        return Map.of("customer", AttributeValue.fromS("customer-1"), "order", AttributeValue.fromN(Integer.toString(order)));
    }

    private static void order(int order, String total) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(order));
        item.put("total", AttributeValue.fromN(total));
        dynamo.putItem(b -> b.tableName("Orders").item(item));
    }

    /** The next {@code count} events of the rule's topic, and no more of them within a moment. */
    private static List<JsonNode> readTopic(int count) {
        List<JsonNode> records = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            topic.poll(Duration.ofMillis(200)).forEach(record -> records.add(Json.read(record.value().getBytes())));
        }
        topic.poll(Duration.ofMillis(300)).forEach(record -> records.add(Json.read(record.value().getBytes())));
        assertThat(records).hasSize(count);
        published.addAll(records);
        return records;
    }

    /** Waits until the order's change is in the table's stream topic: published, so its time is past. */
    private static void awaitInStream(int order) {
        try (KafkaConsumer<String, String> stream = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-stream-" + order, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            stream.subscribe(List.of("ddb.stream.Orders"));
            boolean[] seen = {false};
            await("order " + order + " in the stream", () -> {
                stream.poll(Duration.ofMillis(100)).forEach(record -> {
                    if (Json.read(record.value().getBytes()).at("/dynamodb/Keys/order/N").stringValue("").equals(Integer.toString(order))) {
                        seen[0] = true;
                    }
                });
                return seen[0];
            });
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, WAIT, condition);
    }
}
