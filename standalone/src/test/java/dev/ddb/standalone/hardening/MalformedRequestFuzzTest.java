package dev.ddb.standalone.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import dev.ddb.standalone.hardening.BaseRequests.StreamFixture;
import dev.ddb.standalone.hardening.RequestMutator.Base;
import dev.ddb.standalone.hardening.RequestMutator.Mutant;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Issue 8, "no 5xx for bad input": valid requests of every implemented operation, broken by
 * seeded random mutations (wrong JSON types, missing and unknown members, invalid Unicode and
 * UTF-8, bad numbers and base64, extreme limits, deep nesting, oversized keys, bad sets, wrong
 * targets and headers, non-JSON bodies), sent concurrently. Every answer must be a 200 or a 4xx
 * with a JSON body naming its {@code __type}, with an {@code x-amzn-RequestId}; afterwards every
 * table and item must still work.
 *
 * <p>{@code -Dddb.fuzz.seed=N} replays a run (the seed is printed; the default is fixed), {@code -Dddb.fuzz.seed=random} explores, {@code -Dddb.fuzz.requests}
 * and {@code -Dddb.fuzz.concurrency} change the load (defaults 10000 and 8).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedRequestFuzzTest {

    private static final int REQUESTS = Integer.getInteger("ddb.fuzz.requests", 10_000);
    private static final int CONCURRENCY = Integer.getInteger("ddb.fuzz.concurrency", 8);
    private static final int REPORTED = 20;

    @TempDir
    static Path dataDir;

    static long seed;
    static LocalStack stack;
    static Wire wire;
    static DynamoDbClient client;
    static DynamoDbStreamsClient streams;
    static StreamFixture stream;

    @BeforeAll
    static void start() {
        String property = System.getProperty("ddb.fuzz.seed");
        // A fixed seed by default keeps CI deterministic; "random" explores new cases.
        seed = property == null || property.isBlank() ? 20261130L
                : property.trim().equals("random") ? new SecureRandom().nextLong() : Long.parseLong(property.trim());
        System.out.println("MalformedRequestFuzzTest seed: " + seed + " (replay with -Dddb.fuzz.seed=" + seed + ")");
        long started = System.nanoTime();
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        wire = new Wire(stack.gatewayUrl(), 4);
        client = HardeningClients.dynamoDb(stack.gatewayUrl());
        streams = HardeningClients.streams(stack.gatewayUrl());
        createTable(BaseRequests.HASH_S, "pk", ScalarAttributeType.S, null, null, true);
        createTable(BaseRequests.HASH_N_RANGE_B, "h", ScalarAttributeType.N, "r", ScalarAttributeType.B, false);
        createTable(BaseRequests.HASH_B_RANGE_S, "hb", ScalarAttributeType.B, "rs", ScalarAttributeType.S, false);
        // Items under every key the base requests use, so that reads and conditions meet real data.
        Random random = new Random(seed);
        BaseRequests items = new BaseRequests(random, null);
        for (int i = 0; i < 30; i++) {
            String table = BaseRequests.CORE_TABLES.get(i % 3);
            Wire.Answer answer = wire.send(Wire.dynamodb("PutItem"), JsonTree.obj("TableName", table, "Item", items.item(table)));
            assertThat(answer.status()).as("seed PutItem: %s", answer.bodyText()).isEqualTo(200);
        }
        stream = streamFixture();
        System.out.printf("MalformedRequestFuzzTest: stack and fixtures ready in %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @AfterAll
    static void stop() {
        if (wire != null) {
            wire.close();
        }
        if (client != null) {
            client.close();
        }
        if (streams != null) {
            streams.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    static void createTable(String name, String hash, ScalarAttributeType hashType, String range, ScalarAttributeType rangeType,
            boolean stream) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        definitions.add(AttributeDefinition.builder().attributeName(hash).attributeType(hashType).build());
        keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
        if (range != null) {
            definitions.add(AttributeDefinition.builder().attributeName(range).attributeType(rangeType).build());
            keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
        }
        client.createTable(r -> {
            r.tableName(name).attributeDefinitions(definitions).keySchema(keys).billingMode(BillingMode.PAY_PER_REQUEST)
                    .deletionProtectionEnabled(true);
            if (stream) {
                r.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            }
        });
    }

    /** The stream of {@value BaseRequests#HASH_S}, a shard of it that has a record, that record's sequence number. */
    static StreamFixture streamFixture() {
        String streamArn = client.describeTable(b -> b.tableName(BaseRequests.HASH_S)).table().latestStreamArn();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
                    String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                    List<Record> records = streams.getRecords(b -> b.shardIterator(iterator).limit(10)).records();
                    if (!records.isEmpty()) {
                        String fresh = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                        return new StreamFixture(streamArn, shard.shardId(), fresh, records.get(0).dynamodb().sequenceNumber());
                    }
                }
            } catch (RuntimeException notYet) {
                // the stream is listed a moment after the table event; records arrive through Kafka
            }
            pause(200);
        }
        throw new AssertionError("No stream record of " + BaseRequests.HASH_S + " within 60 s");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** One request that broke the rules, and what came back. */
    record Failure(int index, Mutant mutant, String problem, Wire.Answer answer) {
        /** What failures of one cause share: the operation, the problem, the status, __type and message. */
        String signature() {
            String type = answer.failure() == null ? answer.type() : null;
            String message = "";
            if (answer.failure() == null) {
                try {
                    var json = answer.json();
                    var node = json.has("message") ? json.get("message") : json.get("Message");
                    message = node == null ? "" : node.asString();
                } catch (RuntimeException e) {
                    message = JsonTree.printable(answer.body(), 60);
                }
            }
            message = message.replaceAll("[0-9]+", "N");
            if (message.length() > 120) {
                message = message.substring(0, 120);
            }
            return mutant.label() + " | " + problem + " | " + (answer.failure() == null ? answer.status() : "-") + " "
                    + type + " \"" + message + "\"";
        }

        String describe() {
            return "#" + index + " " + mutant.describe() + "\n      -> " + problem + ": " + Wire.summary(answer);
        }
    }

    @Test
    @Order(1)
    void everyMalformedRequestGetsA4xxWithTypeAndRequestIdNever5xx() throws Exception {
        Random random = new Random(seed);
        BaseRequests bases = new BaseRequests(random, stream);
        RequestMutator mutator = new RequestMutator(random);
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Base base = bases.any(i);
            Mutant mutant = mutator.mutate(base);
            int index = i;
            inFlight.acquire();
            wire.sendAsync(mutant.call()).whenComplete((answer, error) -> {
                try {
                    Wire.Answer result = answer != null ? answer : new Wire.Answer(-1, null, null, error);
                    String problem = Wire.problem(result);
                    outcomes.computeIfAbsent(outcome(result), k -> new LongAdder()).increment();
                    if (problem != null) {
                        failures.add(new Failure(index, mutant, problem, result));
                    }
                } catch (RuntimeException e) {
                    failures.add(new Failure(index, mutant, "checking the answer failed: " + e, new Wire.Answer(-1, null, null, e)));
                } finally {
                    inFlight.release();
                }
            });
        }
        if (!inFlight.tryAcquire(CONCURRENCY, 2, TimeUnit.MINUTES)) {
            throw new AssertionError("Requests still unanswered after 2 minutes");
        }
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("MalformedRequestFuzzTest: %d requests in %d ms (%d in flight), seed %d%n", REQUESTS, elapsed, CONCURRENCY, seed);
        new TreeMap<>(outcomes).forEach((outcome, count) -> System.out.printf("  %6d  %s%n", count.sum(), outcome));

        String report = report(new ArrayList<>(failures));
        System.out.println(report);
        assertThat(failures).as(report).isEmpty();
    }

    private static String outcome(Wire.Answer answer) {
        if (answer.failure() != null) {
            return "no answer";
        }
        String type = answer.type();
        return answer.status() + (type == null ? "" : " " + type.substring(type.indexOf('#') + 1));
    }

    static String report(List<Failure> failures) {
        if (failures.isEmpty()) {
            return "No request broke the rules (seed " + seed + ")";
        }
        failures.sort(Comparator.comparingInt(Failure::index));
        Map<String, List<Failure>> bySignature = new LinkedHashMap<>();
        for (Failure failure : failures) {
            bySignature.computeIfAbsent(failure.signature(), k -> new ArrayList<>()).add(failure);
        }
        StringBuilder out = new StringBuilder();
        out.append(failures.size()).append(" of ").append(REQUESTS).append(" requests broke the rules (seed ").append(seed)
                .append("; replay with -Dddb.fuzz.seed=").append(seed).append("), ").append(bySignature.size())
                .append(" distinct (operation | problem | answer):\n");
        bySignature.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .forEach(e -> out.append(String.format("  %5d x %s%n        e.g. %s%n", e.getValue().size(), e.getKey(),
                        e.getValue().get(0).describe().replace("\n", "\n        "))));
        out.append("The first ").append(Math.min(REPORTED, failures.size())).append(":\n");
        failures.stream().limit(REPORTED).forEach(f -> out.append("  ").append(f.describe()).append('\n'));
        return out.toString();
    }

    @Test
    @Order(2)
    void afterTheFuzzEveryTableAndItemStillWorks() throws Exception {
        List<String> problems = new ArrayList<>();

        HttpResponse<String> health = wire.getRoot();
        if (health.statusCode() != 200 || !health.body().startsWith("healthy")) {
            problems.add("GET / answered " + health.statusCode() + " " + health.body());
        }

        // Valid requests of the data plane still work on every fuzz table.
        Random random = new Random(seed + 1);
        BaseRequests valid = new BaseRequests(random, stream);
        for (String table : BaseRequests.CORE_TABLES) {
            var item = valid.item(table);
            var key = valid.key(table);
            item.put(BaseRequests.hashName(table), JsonTree.copy(key.get(BaseRequests.hashName(table))));
            if (BaseRequests.rangeName(table) != null) {
                item.put(BaseRequests.rangeName(table), JsonTree.copy(key.get(BaseRequests.rangeName(table))));
            }
            item.put("health", JsonTree.obj("S", "check"));
            expect200(problems, "PutItem " + table, wire.send(Wire.dynamodb("PutItem"), JsonTree.obj("TableName", table, "Item", item)));
            Wire.Answer get = wire.send(Wire.dynamodb("GetItem"), JsonTree.obj("TableName", table, "Key", key, "ConsistentRead", true));
            expect200(problems, "GetItem " + table, get);
            if (get.status() == 200 && !get.json().path("Item").path("health").path("S").asString("").equals("check")) {
                problems.add("GetItem " + table + " did not return the item just written: " + get.bodyText());
            }
            String hash = BaseRequests.hashName(table);
            Wire.Answer query = wire.send(Wire.dynamodb("Query"), JsonTree.obj("TableName", table,
                    "KeyConditionExpression", "#h = :h", "ExpressionAttributeNames", JsonTree.obj("#h", hash),
                    "ExpressionAttributeValues", JsonTree.obj(":h", JsonTree.copy(key.get(hash)))));
            expect200(problems, "Query " + table, query);
            if (query.status() == 200 && query.json().path("Count").asInt(0) < 1) {
                problems.add("Query " + table + " did not find the item just written: " + query.bodyText());
            }
            expect200(problems, "Scan " + table, wire.send(Wire.dynamodb("Scan"), JsonTree.obj("TableName", table)));
        }

        // The stream still moves: a change made now reaches GetRecords (a poisoned change record would block it).
        String marker = "stream-marker-" + seed;
        try {
            client.putItem(b -> b.tableName(BaseRequests.HASH_S).item(Map.of("pk", AttributeValue.fromS(marker),
                    "b", AttributeValue.fromB(SdkBytes.fromUtf8String("x")))));
            if (!StackHealth.changeReachesStream(streams, stream.streamArn(), "pk", marker, Duration.ofSeconds(60))) {
                problems.add("A PutItem on " + BaseRequests.HASH_S + " made after the fuzz did not reach GetRecords within 60 s");
            }
        } catch (RuntimeException e) {
            problems.add("Streams API after the fuzz failed: " + e);
        }

        // Every item of every table (fuzz-written ones included) reads back, rewrites and deletes.
        problems.addAll(StackHealth.everyItemReadableWritableDeletable(client, CONCURRENCY));

        if (!problems.isEmpty()) {
            System.out.println("After the fuzz (seed " + seed + "), " + problems.size() + " problems:");
            problems.stream().limit(50).forEach(p -> System.out.println("  " + p));
        }
        assertThat(problems).as("after the fuzz (seed %d): %d problems, first 50: %s", seed, problems.size(),
                String.join("\n", problems.subList(0, Math.min(50, problems.size())))).isEmpty();
    }

    private static void expect200(List<String> problems, String what, Wire.Answer answer) {
        if (answer.status() != 200) {
            problems.add(what + " answered " + Wire.summary(answer));
        }
    }
}
