package dev.ddb.standalone.hardening;

import static dev.ddb.standalone.hardening.JsonTree.arr;
import static dev.ddb.standalone.hardening.JsonTree.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import dev.ddb.standalone.hardening.JsonTree.Obj;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8, "no poisoned items", as a property: for random strings (every plane, U+0000, U+FFFF,
 * noncharacters, the BOM, lone and reversed surrogates), used as (a) an S value, (b) an attribute
 * name, (c) a key value (partition key of one table, sort key of another), (d) the name an
 * ExpressionAttributeNames entry stands for in {@code SET #a = :v}, (e) a member of an SS, and
 * sent as raw JSON with {@code \\u} escapes, every answer is a 200 or a 4xx with {@code __type};
 * a 4xx writes nothing; after a 200 the item reads back with exactly that string (raw GetItem and
 * the AWS SDK), updates and deletes; the tables still scan and their stream still moves.
 *
 * <p>{@code -Dddb.unicode.seed=N} replays a run (the seed is printed; the default is fixed), {@code -Dddb.unicode.seed=random} explores, {@code -Dddb.unicode.strings}
 * sets how many strings (default 2500). The stack runs with ASYNC durability: what is tested is
 * the handling of text, not fsync, and the run must stay near a minute.
 */
class UnicodePropertyTest {

    private static final int STRINGS = Integer.getInteger("ddb.unicode.strings", 2500);
    private static final int CONCURRENCY = Integer.getInteger("ddb.unicode.concurrency", 8);
    private static final String TABLE = "Uni";
    private static final String RANGE_TABLE = "UniRange";
    private static final String PLAIN_MEMBER = "plain-member";

    @TempDir
    static Path dataDir;

    static long seed;
    static LocalStack stack;
    static Wire wire;
    static DynamoDbClient client;
    static DynamoDbStreamsClient streams;

    @BeforeAll
    static void start() {
        String property = System.getProperty("ddb.unicode.seed");
        // A fixed seed by default keeps CI deterministic; "random" explores new cases.
        seed = property == null || property.isBlank() ? 20261130L
                : property.trim().equals("random") ? new SecureRandom().nextLong() : Long.parseLong(property.trim());
        System.out.println("UnicodePropertyTest seed: " + seed + " (replay with -Dddb.unicode.seed=" + seed + ")");
        StackSettings settings = StackSettings.ephemeral(dataDir);
        stack = LocalStack.start(settings.withDurability("ASYNC"));
        wire = new Wire(stack.gatewayUrl(), 4);
        client = HardeningClients.dynamoDb(stack.gatewayUrl());
        streams = HardeningClients.streams(stack.gatewayUrl());
        client.createTable(r -> r.tableName(TABLE)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        client.createTable(r -> r.tableName(RANGE_TABLE)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
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

    /** Something that broke the property. */
    record Problem(String useCase, String string, String step, String kind, String detail) {
        String signature() {
            return useCase + " | " + UnicodeStrings.classOf(string) + " | " + step + " | " + kind;
        }

        String describe() {
            return useCase + " " + JsonTree.describe(string) + " [" + UnicodeStrings.classOf(string) + "] " + step + ": " + kind
                    + " -- " + detail;
        }
    }

    private final ConcurrentLinkedQueue<Problem> problems = new ConcurrentLinkedQueue<>();
    /** "use case / well-formed or not" -> [accepted, rejected]. */
    private final Map<String, AtomicInteger[]> outcomes = new ConcurrentHashMap<>();
    /** The partition keys of the items a rejected UpdateItem left as they were: all that may remain in the tables. */
    private final Set<String> leftovers = ConcurrentHashMap.newKeySet();

    @Test
    void everyStringIsRejectedWith4xxOrRoundTripsExactly() throws Exception {
        List<String> strings = UnicodeStrings.generate(new Random(seed), STRINGS);
        long started = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < strings.size(); i++) {
            int index = i;
            String s = strings.get(i);
            done.add(workers.submit(() -> {
                // every other string goes out with well-formed non-ASCII as raw UTF-8 instead of \\u escapes
                boolean rawUtf8 = index % 2 == 1;
                sValue(index, s, rawUtf8);
                attributeName(index, s, rawUtf8);
                keyValue(index, s, rawUtf8);
                expressionAttributeName(index, s, rawUtf8);
                setMember(index, s, rawUtf8);
                if (index % 250 == 0) {
                    scanStillWorks("after string " + index);
                }
            }));
        }
        for (Future<?> future : done) {
            future.get(5, TimeUnit.MINUTES);
        }
        workers.shutdown();
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();

        scanStillWorks("at the end");
        onlyTheExpectedItemsRemain();
        List<String> health = StackHealth.everyItemReadableWritableDeletable(client, CONCURRENCY);
        health.forEach(h -> problems.add(new Problem("health", "", "every item", "not usable", h)));
        String marker = "unicode-marker-" + seed;
        try {
            client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS(marker))));
            String streamArn = client.describeTable(b -> b.tableName(TABLE)).table().latestStreamArn();
            if (!StackHealth.changeReachesStream(streams, streamArn, "pk", marker, Duration.ofSeconds(60))) {
                problems.add(new Problem("health", "", "stream", "stuck", "a PutItem made at the end did not reach GetRecords in 60 s"));
            }
        } catch (RuntimeException e) {
            problems.add(new Problem("health", "", "stream", "failed", e.toString()));
        }

        System.out.printf("UnicodePropertyTest: %d strings x 5 uses in %d ms (seed %d)%n", strings.size(), elapsed, seed);
        System.out.println("  accepted / rejected per use:");
        new TreeMap<>(outcomes).forEach((k, v) -> System.out.printf("    %-45s %5d / %5d%n", k, v[0].get(), v[1].get()));
        String report = report(new ArrayList<>(problems));
        System.out.println(report);
        assertThat(problems).as(report).isEmpty();
    }

    private static String report(List<Problem> problems) {
        if (problems.isEmpty()) {
            return "Every string was rejected with a 4xx or round-tripped exactly (seed " + seed + ")";
        }
        Map<String, List<Problem>> bySignature = new LinkedHashMap<>();
        for (Problem problem : problems) {
            bySignature.computeIfAbsent(problem.signature(), k -> new ArrayList<>()).add(problem);
        }
        StringBuilder out = new StringBuilder();
        out.append(problems.size()).append(" problems (seed ").append(seed).append("; replay with -Dddb.unicode.seed=").append(seed)
                .append("), ").append(bySignature.size()).append(" distinct (use | string class | step | problem):\n");
        bySignature.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                .forEach(e -> out.append(String.format("  %5d x %s%n        e.g. %s%n", e.getValue().size(), e.getKey(),
                        e.getValue().get(0).describe())));
        out.append("The first 20:\n");
        problems.stream().limit(20).forEach(p -> out.append("  ").append(p.describe()).append('\n'));
        return out.toString();
    }

    // ---- the five uses ----

    /** (a) an S value. */
    private void sValue(int i, String s, boolean rawUtf8) {
        Obj key = obj("pk", obj("S", "a-" + i));
        Predicate<JsonNode> holds = item -> s.equals(text(item.path("v").path("S")));
        roundTrip("(a) S value", s, rawUtf8, TABLE, key, Map.of("pk", AttributeValue.fromS("a-" + i)),
                "PutItem", obj("TableName", TABLE, "Item", obj("pk", obj("S", "a-" + i), "v", obj("S", s))),
                null, holds, item -> item.containsKey("v") && s.equals(item.get("v").s()));
    }

    /** (b) an attribute name in Item. */
    private void attributeName(int i, String s, boolean rawUtf8) {
        if (s.equals("pk")) {
            return;
        }
        Obj key = obj("pk", obj("S", "b-" + i));
        roundTrip("(b) attribute name", s, rawUtf8, TABLE, key, Map.of("pk", AttributeValue.fromS("b-" + i)),
                "PutItem", obj("TableName", TABLE, "Item", obj("pk", obj("S", "b-" + i), s, obj("S", "v"))),
                null, item -> hasMember(item, s, "v"), item -> item.containsKey(s) && "v".equals(item.get(s).s()));
    }

    /** (c) a key value: the partition key of one table for even strings, the sort key of another for odd ones. */
    private void keyValue(int i, String s, boolean rawUtf8) {
        if (i % 2 == 0) {
            Obj key = obj("pk", obj("S", s));
            roundTrip("(c) partition key", s, rawUtf8, TABLE, key, Map.of("pk", AttributeValue.fromS(s)),
                    "PutItem", obj("TableName", TABLE, "Item", obj("pk", obj("S", s), "v", obj("S", "c-" + i))),
                    null, item -> s.equals(text(item.path("pk").path("S"))) && ("c-" + i).equals(text(item.path("v").path("S"))),
                    item -> item.containsKey("pk") && s.equals(item.get("pk").s()));
        } else {
            Obj key = obj("pk", obj("S", "c-" + i), "sk", obj("S", s));
            roundTrip("(c) sort key", s, rawUtf8, RANGE_TABLE, key,
                    Map.of("pk", AttributeValue.fromS("c-" + i), "sk", AttributeValue.fromS(s)),
                    "PutItem", obj("TableName", RANGE_TABLE, "Item", obj("pk", obj("S", "c-" + i), "sk", obj("S", s))),
                    null, item -> s.equals(text(item.path("sk").path("S"))),
                    item -> item.containsKey("sk") && s.equals(item.get("sk").s()));
        }
    }

    /** (d) the name "#a" stands for in {@code SET #a = :v} of an UpdateItem on an existing item. */
    private void expressionAttributeName(int i, String s, boolean rawUtf8) {
        if (s.equals("pk")) {
            return;
        }
        String pk = "d-" + i;
        Obj key = obj("pk", obj("S", pk));
        Wire.Answer put = send("(d) ExpressionAttributeNames", s, "PutItem (before)", "PutItem",
                obj("TableName", TABLE, "Item", obj("pk", obj("S", pk), "base", obj("N", "1"))), false);
        if (put == null || put.status() != 200) {
            return;
        }
        Obj before = obj("pk", obj("S", pk), "base", obj("N", "1"));
        roundTrip("(d) ExpressionAttributeNames", s, rawUtf8, TABLE, key, Map.of("pk", AttributeValue.fromS(pk)),
                "UpdateItem", obj("TableName", TABLE, "Key", key, "UpdateExpression", "SET #a = :v",
                        "ExpressionAttributeNames", obj("#a", s), "ExpressionAttributeValues", obj(":v", obj("S", "val"))),
                before, item -> hasMember(item, s, "val"), item -> item.containsKey(s) && "val".equals(item.get(s).s()));
    }

    /** (e) a member of an SS. */
    private void setMember(int i, String s, boolean rawUtf8) {
        if (s.equals(PLAIN_MEMBER)) {
            return;
        }
        Set<String> expected = Set.of(s, PLAIN_MEMBER);
        Obj key = obj("pk", obj("S", "e-" + i));
        roundTrip("(e) SS member", s, rawUtf8, TABLE, key, Map.of("pk", AttributeValue.fromS("e-" + i)),
                "PutItem", obj("TableName", TABLE, "Item", obj("pk", obj("S", "e-" + i), "ss", obj("SS", arr(s, PLAIN_MEMBER)))),
                null, item -> expected.equals(textSet(item.path("ss").path("SS"))),
                item -> item.containsKey("ss") && item.get("ss").hasSs() && expected.equals(new HashSet<>(item.get("ss").ss())));
    }

    // ---- the property ----

    /**
     * Sends the write; a 4xx must leave the item as it was ({@code before}, or absent); a 200 must
     * give an item that GetItem (raw and SDK) returns with the string intact, that an update keeps
     * intact, that DeleteItem returns intact and deletes.
     */
    private void roundTrip(String use, String s, boolean rawUtf8, String table, Obj key, Map<String, AttributeValue> sdkKey,
            String operation, Obj write, Obj before, Predicate<JsonNode> rawHolds,
            Predicate<Map<String, AttributeValue>> sdkHolds) {
        String outcomeKey = use + " / " + (UnicodeStrings.wellFormed(s) ? "well-formed" : "lone surrogate");
        AtomicInteger[] counts = outcomes.computeIfAbsent(outcomeKey, k -> new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()});
        Wire.Answer written = send(use, s, operation, operation, write, rawUtf8);
        if (written == null) {
            return;
        }
        if (written.status() != 200) {
            counts[1].incrementAndGet();
            if (before != null) {
                // rejected: the item that was there is unchanged and still reads (whether nothing else
                // was written anywhere is checked once at the end, by scanning)
                String pk = text(key.get("pk"));
                leftovers.add(pk);
                Wire.Answer read = send(use, s, "GetItem after a rejected " + operation, "GetItem",
                        obj("TableName", table, "Key", key, "ConsistentRead", true), false);
                if (read != null && read.status() == 200) {
                    JsonNode item = read.json().get("Item");
                    JsonNode expected = Wire.JSON.readTree(JsonTree.write(before));
                    if (!expected.equals(item)) {
                        problems.add(new Problem(use, s, "GetItem after a rejected " + operation, "rejected write changed the item",
                                "expected " + expected + ", got " + Wire.summary(read)));
                    }
                } else if (read != null) {
                    problems.add(new Problem(use, s, "GetItem after a rejected " + operation, "item unreadable", Wire.summary(read)));
                }
            }
            return;
        }
        counts[0].incrementAndGet();

        Wire.Answer read = send(use, s, "GetItem", "GetItem", obj("TableName", table, "Key", key, "ConsistentRead", true), rawUtf8);
        if (read != null) {
            if (read.status() != 200) {
                problems.add(new Problem(use, s, "GetItem", "item unreadable", Wire.summary(read)));
            } else {
                JsonNode item = read.json().get("Item");
                if (item == null) {
                    problems.add(new Problem(use, s, "GetItem", "item missing after a 200 write", Wire.summary(read)));
                } else if (!rawHolds.test(item)) {
                    problems.add(new Problem(use, s, "GetItem", "string changed", Wire.summary(read)));
                }
            }
        }

        try {
            GetItemResponse sdk = client.getItem(b -> b.tableName(table).key(sdkKey).consistentRead(true));
            if (!sdk.hasItem()) {
                problems.add(new Problem(use, s, "SDK GetItem", "item missing", "no Item"));
            } else if (!sdkHolds.test(sdk.item())) {
                problems.add(new Problem(use, s, "SDK GetItem", "string changed", describeItem(sdk.item())));
            }
        } catch (RuntimeException e) {
            problems.add(new Problem(use, s, "SDK GetItem", "failed: " + e.getClass().getSimpleName(), String.valueOf(e.getMessage())));
        }

        Wire.Answer updated = send(use, s, "UpdateItem (SET upd = :u, ALL_NEW)", "UpdateItem",
                obj("TableName", table, "Key", key, "UpdateExpression", "SET #w = :w", "ExpressionAttributeNames", obj("#w", "upd"),
                        "ExpressionAttributeValues", obj(":w", obj("S", "u")), "ReturnValues", "ALL_NEW"), rawUtf8);
        if (updated != null) {
            if (updated.status() != 200) {
                problems.add(new Problem(use, s, "UpdateItem", "update failed", Wire.summary(updated)));
            } else if (!rawHolds.test(updated.json().path("Attributes"))) {
                problems.add(new Problem(use, s, "UpdateItem", "string changed in ALL_NEW", Wire.summary(updated)));
            }
        }

        Wire.Answer deleted = send(use, s, "DeleteItem (ALL_OLD)", "DeleteItem",
                obj("TableName", table, "Key", key, "ReturnValues", "ALL_OLD"), rawUtf8);
        if (deleted != null) {
            if (deleted.status() != 200) {
                problems.add(new Problem(use, s, "DeleteItem", "delete failed", Wire.summary(deleted)));
            } else if (!rawHolds.test(deleted.json().path("Attributes"))) {
                problems.add(new Problem(use, s, "DeleteItem", "string changed in ALL_OLD", Wire.summary(deleted)));
            }
        }
    }

    /** Sends a request; returns the answer, or null (and records the problem) when it breaks the wire rules. */
    private Wire.Answer send(String use, String s, String step, String operation, Obj body, boolean rawUtf8) {
        Wire.Answer answer = wire.send(new Wire.Call(Wire.dynamodb(operation), JsonTree.write(body, rawUtf8), operation));
        String problem = Wire.problem(answer);
        if (problem != null) {
            problems.add(new Problem(use, s, step, problem, Wire.summary(answer) + " for " + JsonTree.printable(JsonTree.write(body), 300)));
            return null;
        }
        return answer;
    }

    /**
     * Every accepted item was deleted and every rejected write wrote nothing: what remains is exactly
     * the items of use (d) whose UpdateItem was rejected, each as it was before.
     */
    private void onlyTheExpectedItemsRemain() {
        Set<String> found = new HashSet<>();
        try {
            for (String table : List.of(TABLE, RANGE_TABLE)) {
                client.scanPaginator(b -> b.tableName(table)).items().forEach(item -> {
                    AttributeValue pk = item.get("pk");
                    Map<String, AttributeValue> expected = pk == null || pk.s() == null ? null
                            : Map.of("pk", pk, "base", AttributeValue.fromN("1"));
                    if (table.equals(TABLE) && pk != null && leftovers.contains(pk.s()) && item.equals(expected)) {
                        found.add(pk.s());
                    } else {
                        problems.add(new Problem("scan", pk == null || pk.s() == null ? "" : pk.s(), "Scan " + table + " at the end",
                                "unexpected item (a write that should have been rejected or deleted)", describeItem(item)));
                    }
                });
            }
        } catch (RuntimeException e) {
            problems.add(new Problem("scan", "", "Scan at the end (SDK)", "failed: " + e.getClass().getSimpleName(), String.valueOf(e.getMessage())));
            return;
        }
        Set<String> missing = new HashSet<>(leftovers);
        missing.removeAll(found);
        for (String pk : missing) {
            problems.add(new Problem("scan", pk, "Scan at the end", "an item a rejected UpdateItem should have left is gone or changed", pk));
        }
    }

    private void scanStillWorks(String when) {
        for (String table : List.of(TABLE, RANGE_TABLE)) {
            Wire.Answer scan = wire.send(Wire.dynamodb("Scan"), obj("TableName", table));
            String problem = Wire.problem(scan);
            if (problem != null || scan.status() != 200) {
                problems.add(new Problem("scan", "", "Scan " + table + " " + when, problem == null ? "not 200" : problem, Wire.summary(scan)));
            }
        }
    }

    // ---- reading answers ----

    private static String text(Object value) {
        if (value instanceof JsonNode node) {
            return node.isString() ? node.asString() : null;
        }
        if (value instanceof Obj obj && obj.members.size() == 1 && "S".equals(obj.members.get(0).name)
                && obj.members.get(0).value instanceof String s) {
            return s;
        }
        return null;
    }

    private static Set<String> textSet(JsonNode array) {
        if (!array.isArray()) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (JsonNode member : array) {
            out.add(member.isString() ? member.asString() : null);
        }
        return out.size() == array.size() ? out : null;
    }

    /** Whether the item has a member named exactly {@code name} holding {@code {"S": value}}. */
    private static boolean hasMember(JsonNode item, String name, String value) {
        for (Map.Entry<String, JsonNode> member : item.properties()) {
            if (member.getKey().equals(name)) {
                return value.equals(text(member.getValue().path("S")));
            }
        }
        return false;
    }

    private static String describeItem(Map<String, AttributeValue> item) {
        StringBuilder out = new StringBuilder("{");
        item.forEach((name, value) -> out.append(JsonTree.describe(name)).append('=')
                .append(value.s() != null ? JsonTree.describe(value.s()) : value.hasSs() ? value.ss().stream().map(JsonTree::describe).toList()
                        : value.toString()).append(' '));
        return out.append('}').toString();
    }
}
