package dev.ddb.standalone.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import tools.jackson.databind.JsonNode;

/**
 * Lambda's event source mappings through the gateway with the AWS SDK's LambdaClient, delivering a
 * table's stream to in-process HTTP "functions": in order and in Lambda's event shape, retried,
 * bisected and sent to an on-failure Kafka topic, retried from the first failed record of a partial
 * batch response, filtered, and neither repeated nor skipped across a restart of the stack.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventSourceMappingEndToEndTest {

    private static final String FUNCTIONS = "ddb.stream.functions";
    private static final String BACKOFF = "ddb.stream.retry-backoff";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private static TestFunctions functions;
    private static LocalStack stack;
    private static DynamoDbClient dynamo;
    private static LambdaClient lambda;
    private static final Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() throws Exception {
        functions = new TestFunctions();
        functions.add("ordered", event -> TestFunctions.Answer.OK);
        functions.add("filtered", event -> TestFunctions.Answer.OK);
        functions.add("survivor", event -> TestFunctions.Answer.OK);
        functions.add("failing", event -> {
            for (JsonNode record : event.get("Records")) {
                if (record.path("dynamodb").path("NewImage").has("poison")) {
                    return new TestFunctions.Answer(500, "{\"errorMessage\":\"poison\"}");
                }
            }
            return TestFunctions.Answer.OK;
        });
        functions.add("partial", event -> {
            for (JsonNode record : event.get("Records")) {
                String sequenceNumber = record.path("dynamodb").path("SequenceNumber").stringValue();
                if (record.path("dynamodb").path("NewImage").has("failOnce") && failedOnce.add(sequenceNumber)) {
                    return new TestFunctions.Answer(200,
                            "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + sequenceNumber + "\"}]}");
                }
            }
            return new TestFunctions.Answer(200, "{\"batchItemFailures\":[]}");
        });
        System.setProperty(FUNCTIONS, functions.registrations());
        System.setProperty(BACKOFF, "20ms");
        startStack();
    }

    private static void startStack() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        dynamo = Clients.dynamoDb(stack.gatewayUrl());
        lambda = LambdaClient.builder()
                .endpointOverride(URI.create(stack.gatewayUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private static void stopStack() {
        lambda.close();
        dynamo.close();
        stack.close();
    }

    @AfterAll
    static void stop() {
        System.clearProperty(FUNCTIONS);
        System.clearProperty(BACKOFF);
        stopStack();
        functions.close();
    }

    @Test
    @Order(1)
    void mappingsAreCreatedListedUpdatedAndDeletedWithLambdasApi() {
        String streamArn = createTable("Managed");
        CreateEventSourceMappingResponse created = lambda.createEventSourceMapping(b -> b.functionName("ordered")
                .eventSourceArn(streamArn).startingPosition(EventSourcePosition.LATEST).batchSize(7));
        assertThat(created.uuid()).isNotBlank();
        assertThat(created.state()).isEqualTo("Creating");
        assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:ordered");
        assertThat(created.eventSourceArn()).isEqualTo(streamArn);
        assertThat(created.batchSize()).isEqualTo(7);
        assertThat(created.maximumRetryAttempts()).isEqualTo(-1);
        assertThat(created.maximumRecordAgeInSeconds()).isEqualTo(-1);
        assertThat(created.startingPosition()).isEqualTo(EventSourcePosition.LATEST);

        var got = lambda.getEventSourceMapping(b -> b.uuid(created.uuid()));
        assertThat(got.state()).isEqualTo("Enabled");
        assertThat(got.lastModified()).isNotNull();

        assertThat(lambda.listEventSourceMappings(b -> b.functionName("ordered")).eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid).contains(created.uuid());
        assertThat(lambda.listEventSourceMappings(b -> b.eventSourceArn(streamArn)).eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid).containsExactly(created.uuid());
        assertThat(lambda.listEventSourceMappings(b -> b.functionName("arn:aws:lambda:us-east-1:000000000000:function:filtered")
                .eventSourceArn(streamArn)).eventSourceMappings()).isEmpty();

        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("ordered")
                .eventSourceArn(streamArn).startingPosition(EventSourcePosition.LATEST)))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining(created.uuid());
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("nobody")
                .eventSourceArn(streamArn).startingPosition(EventSourcePosition.LATEST)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nobody");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("filtered")
                .eventSourceArn(streamArn).startingPosition(EventSourcePosition.LATEST)
                .filterCriteria(f -> f.filters(p -> p.pattern("{\"eventName\": \"INSERT\"}")))))
                .isInstanceOf(InvalidParameterValueException.class);

        var updated = lambda.updateEventSourceMapping(b -> b.uuid(created.uuid()).batchSize(3).enabled(false)
                .maximumRetryAttempts(5).bisectBatchOnFunctionError(true));
        assertThat(updated.state()).isEqualTo("Updating");
        var afterUpdate = lambda.getEventSourceMapping(b -> b.uuid(created.uuid()));
        assertThat(afterUpdate.batchSize()).isEqualTo(3);
        assertThat(afterUpdate.state()).isEqualTo("Disabled");
        assertThat(afterUpdate.maximumRetryAttempts()).isEqualTo(5);
        assertThat(afterUpdate.bisectBatchOnFunctionError()).isTrue();

        assertThat(lambda.deleteEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Deleting");
        assertThatThrownBy(() -> lambda.getEventSourceMapping(b -> b.uuid(created.uuid())))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @Order(2)
    void changesArriveInOrderInLambdasDynamoDbEventShape() {
        String streamArn = createTable("Ordered");
        lambda.createEventSourceMapping(b -> b.functionName("ordered").eventSourceArn(streamArn)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(10));
        for (int i = 1; i <= 25; i++) {
            put("Ordered", "p", i, Map.of());
        }
        dynamo.deleteItem(b -> b.tableName("Ordered").key(key("p", 25)));
        await("26 records delivered", () -> functions.records("ordered").size() >= 26);

        List<JsonNode> records = functions.records("ordered");
        assertThat(records).hasSize(26);
        assertThat(functions.events("ordered")).allSatisfy(event -> assertThat(event.get("Records").size()).isBetween(1, 10));
        JsonNode first = records.get(0);
        assertThat(first.get("eventID").stringValue()).hasSize(32);
        assertThat(first.get("eventName").stringValue()).isEqualTo("INSERT");
        assertThat(first.get("eventVersion").stringValue()).isEqualTo("1.1");
        assertThat(first.get("eventSource").stringValue()).isEqualTo("aws:dynamodb");
        assertThat(first.get("awsRegion").stringValue()).isEqualTo("us-east-1");
        assertThat(first.get("eventSourceARN").stringValue()).isEqualTo(streamArn);
        JsonNode dynamodb = first.get("dynamodb");
        assertThat(dynamodb.get("ApproximateCreationDateTime").isNumber()).isTrue();
        assertThat(dynamodb.get("Keys")).isEqualTo(Json.read("{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}}".getBytes()));
        assertThat(dynamodb.get("NewImage").get("sk").get("N").stringValue()).isEqualTo("1");
        assertThat(dynamodb.get("StreamViewType").stringValue()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(dynamodb.get("SizeBytes").isNumber()).isTrue();
        assertThat(dynamodb.get("SequenceNumber").stringValue()).matches("\\d{21,}");

        List<Integer> order = new ArrayList<>();
        records.subList(0, 25).forEach(record -> order.add(Integer.parseInt(sk(record))));
        assertThat(order).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
        JsonNode removal = records.get(25);
        assertThat(removal.get("eventName").stringValue()).isEqualTo("REMOVE");
        assertThat(removal.get("dynamodb").has("OldImage")).isTrue();
        assertThat(removal.get("dynamodb").has("NewImage")).isFalse();
    }

    @Test
    @Order(3)
    void aFailingBatchIsRetriedBisectedAndDiscardedToTheOnFailureTopic() {
        String streamArn = createTable("Failing");
        String topic = "ddb-test-failures";
        lambda.createEventSourceMapping(b -> b.functionName("failing").eventSourceArn(streamArn)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(4).maximumBatchingWindowInSeconds(2)
                .maximumRetryAttempts(1).bisectBatchOnFunctionError(true)
                .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:kafka:us-east-1:000000000000:topic/" + topic))));
        // four items in one write: the batching window gathers them into one batch
        writeBatch("Failing", List.of(item(1, Map.of()), item(2, Map.of()),
                item(3, Map.of("poison", AttributeValue.fromBool(true))), item(4, Map.of())));
        await("the batch bisected down to the poison record and past it",
                () -> delivered("failing").containsAll(List.of("1", "2", "4")));
        put("Failing", "p", 5, Map.of());
        await("the next record after the discarded one", () -> delivered("failing").contains("5"));

        List<List<String>> batches = new ArrayList<>();
        functions.events("failing").forEach(event -> {
            List<String> keys = new ArrayList<>();
            event.get("Records").forEach(record -> keys.add(sk(record)));
            batches.add(keys);
        });
        // [1,2,3,4] fails -> halves [1,2] (ok) and [3,4] (fails) -> [3] fails, is retried once, then discarded -> [4] -> [5]
        assertThat(batches).containsExactly(List.of("1", "2", "3", "4"), List.of("1", "2"), List.of("3", "4"),
                List.of("3"), List.of("3"), List.of("4"), List.of("5"));

        List<ConsumerRecord<String, String>> failures = readTopic(topic, 1);
        JsonNode failure = Json.read(failures.get(0).value().getBytes());
        assertThat(failure.get("requestContext").get("condition").stringValue()).isEqualTo("RetryAttemptsExhausted");
        assertThat(failure.get("requestContext").get("functionArn").stringValue())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:failing");
        assertThat(failure.get("responseContext").get("statusCode").intValue()).isEqualTo(500);
        assertThat(failure.get("version").stringValue()).isEqualTo("1.0");
        JsonNode info = failure.get("DDBStreamBatchInfo");
        assertThat(info.get("batchSize").intValue()).isEqualTo(1);
        assertThat(info.get("streamArn").stringValue()).isEqualTo(streamArn);
        assertThat(info.get("shardId").stringValue()).startsWith("shardId-");
        String poisonSequence = functions.events("failing").get(3).get("Records").get(0).get("dynamodb").get("SequenceNumber").stringValue();
        assertThat(info.get("startSequenceNumber").stringValue()).isEqualTo(poisonSequence);
        assertThat(info.get("endSequenceNumber").stringValue()).isEqualTo(poisonSequence);
    }

    @Test
    @Order(4)
    void aPartialBatchResponseRetriesFromTheFirstFailedRecord() {
        String streamArn = createTable("Partial");
        lambda.createEventSourceMapping(b -> b.functionName("partial").eventSourceArn(streamArn)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(5).maximumBatchingWindowInSeconds(2)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));
        writeBatch("Partial", List.of(item(1, Map.of()), item(2, Map.of()),
                item(3, Map.of("failOnce", AttributeValue.fromBool(true))), item(4, Map.of()), item(5, Map.of())));
        await("the rest of the batch retried", () -> functions.events("partial").size() >= 2);
        List<List<String>> batches = new ArrayList<>();
        functions.events("partial").forEach(event -> {
            List<String> keys = new ArrayList<>();
            event.get("Records").forEach(record -> keys.add(sk(record)));
            batches.add(keys);
        });
        assertThat(batches).containsExactly(List.of("1", "2", "3", "4", "5"), List.of("3", "4", "5"));
    }

    @Test
    @Order(5)
    void filterCriteriaDeliverOnlyMatchingRecords() {
        String streamArn = createTable("Filtered");
        lambda.createEventSourceMapping(b -> b.functionName("filtered").eventSourceArn(streamArn)
                .startingPosition(EventSourcePosition.TRIM_HORIZON)
                .filterCriteria(f -> f.filters(
                        p -> p.pattern("{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [\"shipped\"]}}}}"),
                        p -> p.pattern("{\"dynamodb\": {\"NewImage\": {\"note\": {\"S\": [{\"prefix\": \"urgent\"}]}}}}"))));
        put("Filtered", "p", 1, Map.of("status", AttributeValue.fromS("pending")));
        put("Filtered", "p", 2, Map.of("status", AttributeValue.fromS("shipped")));
        put("Filtered", "p", 3, Map.of("note", AttributeValue.fromS("urgent: call")));
        put("Filtered", "p", 2, Map.of("status", AttributeValue.fromS("shipped"), "again", AttributeValue.fromBool(true)));
        put("Filtered", "p", 4, Map.of("note", AttributeValue.fromS("not urgent")));
        put("Filtered", "p", 5, Map.of("status", AttributeValue.fromS("shipped")));
        await("the last matching record", () -> delivered("filtered").contains("5"));
        List<String> seen = new ArrayList<>();
        functions.records("filtered").forEach(record -> seen.add(sk(record) + ":" + record.get("eventName").stringValue()));
        assertThat(seen).containsExactly("2:INSERT", "3:INSERT", "5:INSERT");
    }

    @Test
    @Order(6)
    void aRestartNeitherRepeatsNorSkipsAcknowledgedBatches() {
        String streamArn = createTable("Survivor");
        String uuid = lambda.createEventSourceMapping(b -> b.functionName("survivor").eventSourceArn(streamArn)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(5)).uuid();
        for (int i = 1; i <= 10; i++) {
            put("Survivor", "p", i, Map.of());
        }
        await("the first ten", () -> delivered("survivor").size() >= 10);
        for (int i = 11; i <= 15; i++) {
            put("Survivor", "p", i, Map.of()); // some may be delivered before the stop, some after the start
        }
        stopStack();
        startStack();
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state()).isEqualTo("Enabled");
        for (int i = 16; i <= 20; i++) {
            put("Survivor", "p", i, Map.of());
        }
        await("all twenty", () -> new HashSet<>(delivered("survivor")).size() >= 20);
        List<String> all = delivered("survivor");
        assertThat(all).hasSize(20);
        assertThat(all).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(Integer::toString).toList());
    }

    private static String createTable(String name) {
        return dynamo.createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
    }

    private static Map<String, AttributeValue> key(String pk, int sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)));
    }

    private static Map<String, AttributeValue> item(int sk, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> item = new HashMap<>(key("p", sk));
        item.putAll(more);
        return item;
    }

    private static void put(String table, String pk, int sk, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.putAll(more);
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static void writeBatch(String table, List<Map<String, AttributeValue>> items) {
        List<WriteRequest> writes = items.stream().map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build()).toList();
        dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
    }

    private static String sk(JsonNode record) {
        return record.get("dynamodb").get("Keys").get("sk").get("N").stringValue();
    }

    /** The sort keys of every record the function got, in order. */
    private static List<String> delivered(String function) {
        return functions.records(function).stream().map(EventSourceMappingEndToEndTest::sk).toList();
    }

    private static List<ConsumerRecord<String, String>> readTopic(String topic, int count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertThat(records).hasSize(count);
        return records;
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, WAIT, condition);
    }
}
