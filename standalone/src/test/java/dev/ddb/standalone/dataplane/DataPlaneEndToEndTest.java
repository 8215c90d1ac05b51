package dev.ddb.standalone.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The data plane through the gateway with the real AWS SDK: conditions, updates, projections,
 * Query and Scan with paging, batches, the legacy parameters and concurrent atomic updates.
 */
class DataPlaneEndToEndTest {

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static DynamoDbClient client;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        client = dev.ddb.standalone.Clients.dynamoDb(stack.gatewayUrl());
        createTable("Orders", "customer", ScalarAttributeType.S, "orderNo", ScalarAttributeType.N);
        createTable("Counters", "id", ScalarAttributeType.S, null, null);
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    static void createTable(String name, String hash, ScalarAttributeType hashType, String range, ScalarAttributeType rangeType) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        definitions.add(AttributeDefinition.builder().attributeName(hash).attributeType(hashType).build());
        keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
        if (range != null) {
            definitions.add(AttributeDefinition.builder().attributeName(range).attributeType(rangeType).build());
            keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
        }
        client.createTable(r -> r.tableName(name).attributeDefinitions(definitions).keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    static Map<String, AttributeValue> order(String customer, int orderNo) {
        return Map.of("customer", s(customer), "orderNo", n(Integer.toString(orderNo)),
                "total", n(Integer.toString(orderNo * 10)), "status", s(orderNo % 2 == 0 ? "SHIPPED" : "OPEN"));
    }

    static void putOrders(String customer, int count) {
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(order(customer, i)).build()).build());
            if (batch.size() == 25 || i == count) {
                List<WriteRequest> send = batch;
                client.batchWriteItem(r -> r.requestItems(Map.of("Orders", send)));
                batch = new ArrayList<>();
            }
        }
    }

    static void assertValidation(Runnable call, String messageStart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith(messageStart);
        });
    }

    @Test
    void conditionalPutAndDeleteAreAtomicChecks() {
        Map<String, AttributeValue> item = Map.of("id", s("cond"), "version", n("1"));
        client.putItem(r -> r.tableName("Counters").item(item).conditionExpression("attribute_not_exists(id)"));
        assertThatThrownBy(() -> client.putItem(r -> r.tableName("Counters").item(item)
                .conditionExpression("attribute_not_exists(id)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
                    assertThat(e.item()).isEqualTo(item);
                });
        assertThatThrownBy(() -> client.deleteItem(r -> r.tableName("Counters").key(Map.of("id", s("cond")))
                .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n("2")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        client.deleteItem(r -> r.tableName("Counters").key(Map.of("id", s("cond")))
                .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":v", n("1"))));
        assertThat(client.getItem(r -> r.tableName("Counters").key(Map.of("id", s("cond")))).hasItem()).isFalse();
    }

    @Test
    void updateExpressionsChangeItemsAsDynamoDbDoes() {
        Map<String, AttributeValue> key = Map.of("id", s("upd"));
        client.putItem(r -> r.tableName("Counters").item(Map.of("id", s("upd"), "count", n("5"),
                "tags", AttributeValue.fromSs(List.of("a", "b")), "history", AttributeValue.fromL(List.of(s("first"))),
                "gone", s("x"), "doc", AttributeValue.fromM(Map.of("values", AttributeValue.fromL(List.of(n("1"), n("2"))))))));
        var response = client.updateItem(r -> r.tableName("Counters").key(key)
                .updateExpression("SET #c = #c + :one, history = list_append(history, :more), fresh = if_not_exists(fresh, :zero), "
                        + "doc.#vals[1] = :ten REMOVE gone ADD tags :c")
                .expressionAttributeNames(Map.of("#c", "count", "#vals", "values"))
                .expressionAttributeValues(Map.of(":one", n("1"), ":more", AttributeValue.fromL(List.of(s("second"))),
                        ":zero", n("0"), ":ten", n("10"), ":c", AttributeValue.fromSs(List.of("c"))))
                .returnValues(ReturnValue.ALL_NEW));
        Map<String, AttributeValue> item = response.attributes();
        assertThat(item.get("count")).isEqualTo(n("6"));
        assertThat(item.get("history").l()).containsExactly(s("first"), s("second"));
        assertThat(item.get("fresh")).isEqualTo(n("0"));
        assertThat(item.get("doc").m().get("values").l()).containsExactly(n("1"), n("10"));
        assertThat(item).doesNotContainKey("gone");
        assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("a", "b", "c");

        var deleted = client.updateItem(r -> r.tableName("Counters").key(key).updateExpression("DELETE tags :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromSs(List.of("a")))).returnValues(ReturnValue.UPDATED_NEW));
        assertThat(deleted.attributes().get("tags").ss()).containsExactlyInAnyOrder("b", "c");

        var updatedOld = client.updateItem(r -> r.tableName("Counters").key(key).updateExpression("SET fresh = :v")
                .expressionAttributeValues(Map.of(":v", n("7"))).returnValues(ReturnValue.UPDATED_OLD));
        assertThat(updatedOld.attributes()).isEqualTo(Map.of("fresh", n("0")));

        var created = client.updateItem(r -> r.tableName("Counters").key(Map.of("id", s("new-by-update")))
                .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        assertThat(created.attributes()).isEqualTo(Map.of("hits", n("1")));
    }

    @Test
    void invalidExpressionsGetDynamoDbErrors() {
        Map<String, AttributeValue> key = Map.of("id", s("bad"));
        assertValidation(() -> client.updateItem(r -> r.tableName("Counters").key(key).updateExpression("SET id = :v")
                .expressionAttributeValues(Map.of(":v", s("x")))),
                "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key");
        assertValidation(() -> client.updateItem(r -> r.tableName("Counters").key(key).updateExpression("SET a = :v, a.b = :v")
                .expressionAttributeValues(Map.of(":v", s("x")))), "Invalid UpdateExpression: Two document paths");
        assertValidation(() -> client.putItem(r -> r.tableName("Counters").item(key).conditionExpression("attribute_exists(id)")
                .expressionAttributeValues(Map.of(":unused", s("x")))),
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
        assertValidation(() -> client.putItem(r -> r.tableName("Counters").item(key).conditionExpression("size = :v")
                .expressionAttributeValues(Map.of(":v", s("x")))),
                "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: size");
        assertValidation(() -> client.putItem(r -> r.tableName("Counters").item(key).conditionExpression("a = :missing")),
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :missing");
        assertValidation(() -> client.putItem(r -> r.tableName("Counters").item(key).conditionExpression("a = = b")),
                "Invalid ConditionExpression: Syntax error; token:");
        assertValidation(() -> client.putItem(r -> r.tableName("Counters").item(key).conditionExpression("attribute_exists(id)")
                .expected(Map.of("id", ExpectedAttributeValue.builder().exists(false).build()))),
                "Can not use both expression and non-expression parameters in the same request");
        assertValidation(() -> client.query(r -> r.tableName("Orders").keyConditionExpression("customer = :c")
                .filterExpression("orderNo > :n").expressionAttributeValues(Map.of(":c", s("x"), ":n", n("1")))),
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: orderNo");
        assertValidation(() -> client.query(r -> r.tableName("Orders").keyConditionExpression("customer = :c AND amount > :n")
                .expressionAttributeValues(Map.of(":c", s("x"), ":n", n("1")))),
                "Query condition missed key schema element");
    }

    @Test
    void getItemProjectsNestedPaths() {
        client.putItem(r -> r.tableName("Counters").item(Map.of("id", s("proj"), "a", n("1"), "b", s("x"),
                "m", AttributeValue.fromM(Map.of("nested", n("2"), "other", n("3"))))));
        var item = client.getItem(r -> r.tableName("Counters").key(Map.of("id", s("proj")))
                .projectionExpression("a, m.nested")).item();
        assertThat(item).isEqualTo(Map.of("a", n("1"), "m", AttributeValue.fromM(Map.of("nested", n("2")))));
    }

    @Test
    void queryReadsAPartitionInSortKeyOrderWithConditionsAndFilters() {
        putOrders("alice", 30);
        putOrders("bob", 3);
        QueryResponse all = client.query(r -> r.tableName("Orders").keyConditionExpression("customer = :c")
                .expressionAttributeValues(Map.of(":c", s("alice"))));
        assertThat(all.count()).isEqualTo(30);
        assertThat(all.items()).extracting(i -> Integer.parseInt(i.get("orderNo").n())).isSorted();

        QueryResponse between = client.query(r -> r.tableName("Orders")
                .keyConditionExpression("customer = :c AND orderNo BETWEEN :lo AND :hi")
                .expressionAttributeValues(Map.of(":c", s("alice"), ":lo", n("10"), ":hi", n("12")))
                .scanIndexForward(false));
        assertThat(between.items()).extracting(i -> i.get("orderNo").n()).containsExactly("12", "11", "10");

        QueryResponse filtered = client.query(r -> r.tableName("Orders")
                .keyConditionExpression("customer = :c AND orderNo < :n").filterExpression("#s = :shipped")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":c", s("alice"), ":n", n("11"), ":shipped", s("SHIPPED"))));
        assertThat(filtered.count()).isEqualTo(5);
        assertThat(filtered.scannedCount()).isEqualTo(10);

        QueryResponse count = client.query(r -> r.tableName("Orders").keyConditionExpression("customer = :c")
                .expressionAttributeValues(Map.of(":c", s("bob"))).select(Select.COUNT));
        assertThat(count.count()).isEqualTo(3);
        assertThat(count.hasItems()).isFalse();

        List<String> paged = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(r -> r.tableName("Orders").keyConditionExpression("customer = :c")
                    .expressionAttributeValues(Map.of(":c", s("alice"))).limit(7).exclusiveStartKey(from));
            page.items().forEach(i -> paged.add(i.get("orderNo").n()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertThat(paged).hasSize(30).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void queryAndScanPageAtOneMegabyte() {
        createTable("Big", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
        String blob = "x".repeat(100_000);
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "pk", s("p"), "sk", n(Integer.toString(i)), "blob", s(blob))).build()).build());
        }
        client.batchWriteItem(r -> r.requestItems(Map.of("Big", batch)));

        QueryResponse first = client.query(r -> r.tableName("Big").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p"))));
        assertThat(first.count()).isBetween(10, 11);
        assertThat(first.hasLastEvaluatedKey()).isTrue();

        int total = 0;
        int pages = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(r -> r.tableName("Big").exclusiveStartKey(from));
            total += page.count();
            pages++;
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertThat(total).isEqualTo(25);
        assertThat(pages).isEqualTo(3);
        assertThat(client.scanPaginator(r -> r.tableName("Big")).items().stream().count()).isEqualTo(25);
    }

    @Test
    void parallelScanSegmentsPartitionTheTable() {
        createTable("Parallel", "id", ScalarAttributeType.N, null, null);
        for (int start = 0; start < 100; start += 25) {
            int from = start;
            List<WriteRequest> batch = IntStream.range(from, from + 25).mapToObj(i -> WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(Map.of("id", n(Integer.toString(i)))).build()).build()).toList();
            client.batchWriteItem(r -> r.requestItems(Map.of("Parallel", batch)));
        }
        Set<String> seen = new HashSet<>();
        int sum = 0;
        for (int segment = 0; segment < 4; segment++) {
            int seg = segment;
            List<String> ids = client.scanPaginator(r -> r.tableName("Parallel").segment(seg).totalSegments(4)).items()
                    .stream().map(i -> i.get("id").n()).toList();
            sum += ids.size();
            seen.addAll(ids);
        }
        assertThat(sum).isEqualTo(100);
        assertThat(seen).hasSize(100);
        assertValidation(() -> client.scan(r -> r.tableName("Parallel").segment(4).totalSegments(4)),
                "The Segment parameter is zero-based and must be less than parameter TotalSegments");
    }

    @Test
    void batchGetAndWriteHandleManyTablesAndEnforceLimits() {
        createTable("BatchA", "id", ScalarAttributeType.S, null, null);
        List<WriteRequest> puts = IntStream.range(0, 25).mapToObj(i -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(Map.of("id", s("k" + i), "v", n(Integer.toString(i)))).build()).build()).toList();
        var written = client.batchWriteItem(r -> r.requestItems(Map.of("BatchA", puts)));
        assertThat(written.unprocessedItems()).isEmpty();

        List<Map<String, AttributeValue>> keys = IntStream.range(0, 30).mapToObj(i -> Map.of("id", s("k" + i))).toList();
        var got = client.batchGetItem(r -> r.requestItems(Map.of(
                "BatchA", KeysAndAttributes.builder().keys(keys).projectionExpression("v").build(),
                "Counters", KeysAndAttributes.builder().keys(Map.of("id", s("absent"))).build())));
        assertThat(got.responses().get("BatchA")).hasSize(25).allSatisfy(i -> assertThat(i).containsOnlyKeys("v"));
        assertThat(got.responses().get("Counters")).isEmpty();

        List<WriteRequest> deletes = List.of(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(Map.of("id", s("k0"))).build()).build());
        client.batchWriteItem(r -> r.requestItems(Map.of("BatchA", deletes)));
        assertThat(client.getItem(r -> r.tableName("BatchA").key(Map.of("id", s("k0")))).hasItem()).isFalse();

        List<WriteRequest> tooMany = IntStream.range(0, 26).mapToObj(i -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(Map.of("id", s("t" + i))).build()).build()).toList();
        // More than 25 writes for one table break the API model's constraint on the map's values.
        assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of("BatchA", tooMany))),
                "1 validation error detected: Value '{BatchA=");
        List<WriteRequest> thirteen = tooMany.subList(0, 13);
        assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of("BatchA", thirteen, "Counters", thirteen))),
                "Too many items requested for the BatchWriteItem call");
        List<Map<String, AttributeValue>> hundredOne = IntStream.range(0, 101).mapToObj(i -> Map.of("id", s("k" + i))).toList();
        assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of("BatchA",
                KeysAndAttributes.builder().keys(hundredOne).build()))),
                "1 validation error detected: Value '[");
        assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of(
                "BatchA", KeysAndAttributes.builder().keys(hundredOne.subList(0, 60)).build(),
                "Counters", KeysAndAttributes.builder().keys(hundredOne.subList(0, 60)).build()))),
                "Too many items requested for the BatchGetItem call");
        assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of("BatchA",
                KeysAndAttributes.builder().keys(Map.of("id", s("k1")), Map.of("id", s("k1"))).build()))),
                "Provided list of item keys contains duplicates");
    }

    @Test
    void legacyParametersStillWork() {
        Map<String, AttributeValue> key = Map.of("id", s("legacy"));
        client.putItem(r -> r.tableName("Counters").item(Map.of("id", s("legacy"), "n", n("1")))
                .expected(Map.of("id", ExpectedAttributeValue.builder().exists(false).build())));
        assertThatThrownBy(() -> client.putItem(r -> r.tableName("Counters").item(key)
                .expected(Map.of("id", ExpectedAttributeValue.builder().exists(false).build()))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        client.updateItem(r -> r.tableName("Counters").key(key).attributeUpdates(Map.of(
                "n", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("2")).build(),
                "label", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(s("L")).build())));
        var item = client.getItem(r -> r.tableName("Counters").key(key).attributesToGet("n", "label")).item();
        assertThat(item).isEqualTo(Map.of("n", n("3"), "label", s("L")));

        putOrders("carol", 6);
        var query = client.query(r -> r.tableName("Orders").keyConditions(Map.of(
                        "customer", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("carol")).build(),
                        "orderNo", Condition.builder().comparisonOperator(ComparisonOperator.GE).attributeValueList(n("3")).build()))
                .queryFilter(Map.of("status", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                        .attributeValueList(s("OPEN")).build())));
        assertThat(query.items()).extracting(i -> i.get("orderNo").n()).containsExactly("3", "5");
        var scan = client.scan(r -> r.tableName("Orders").scanFilter(Map.of(
                "customer", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("carol")).build(),
                "total", Condition.builder().comparisonOperator(ComparisonOperator.GT).attributeValueList(n("40")).build())));
        assertThat(scan.items()).extracting(i -> i.get("orderNo").n()).containsExactlyInAnyOrder("5", "6");
    }

    @Test
    void concurrentIncrementsAreAllCounted() throws Exception {
        Map<String, AttributeValue> key = Map.of("id", s("hot"));
        int threads = 8;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        client.updateItem(r -> r.tableName("Counters").key(key).updateExpression("ADD #c :one")
                                .expressionAttributeNames(Map.of("#c", "count"))
                                .expressionAttributeValues(Map.of(":one", n("1"))));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(client.getItem(r -> r.tableName("Counters").key(key).consistentRead(true)).item().get("count"))
                .isEqualTo(n(Integer.toString(threads * perThread)));
    }

    @Test
    void conditionGuardedIncrementsNeverLoseAnUpdate() throws Exception {
        Map<String, AttributeValue> key = Map.of("id", s("optimistic"));
        client.putItem(r -> r.tableName("Counters").item(Map.of("id", s("optimistic"), "v", n("0"))));
        int threads = 4;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    int applied = 0;
                    while (applied < perThread) {
                        String current = client.getItem(r -> r.tableName("Counters").key(key)).item().get("v").n();
                        String next = Integer.toString(Integer.parseInt(current) + 1);
                        try {
                            client.updateItem(r -> r.tableName("Counters").key(key).updateExpression("SET v = :next")
                                    .conditionExpression("v = :current")
                                    .expressionAttributeValues(Map.of(":next", n(next), ":current", n(current))));
                            applied++;
                        } catch (ConditionalCheckFailedException lostRace) {
                            // someone else incremented first: read again
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(client.getItem(r -> r.tableName("Counters").key(key)).item().get("v")).isEqualTo(n(Integer.toString(threads * perThread)));
    }

    @Test
    void numbersAndBinariesSortCorrectlyAsSortKeys() {
        createTable("Sorted", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
        List<String> values = List.of("-1000", "-2.5", "-1", "0", "0.001", "1", "1.5", "10", "99999999999999999999");
        for (String v : values) {
            client.putItem(r -> r.tableName("Sorted").item(Map.of("pk", s("p"), "sk", n(v))));
        }
        var items = client.query(r -> r.tableName("Sorted").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p")))).items();
        assertThat(items).extracting(i -> i.get("sk").n()).containsExactlyElementsOf(values);

        createTable("Prefixed", "pk", ScalarAttributeType.S, "sk", ScalarAttributeType.B);
        for (byte[] b : List.of(new byte[] {1}, new byte[] {1, 2}, new byte[] {1, 2, 3}, new byte[] {2})) {
            client.putItem(r -> r.tableName("Prefixed").item(Map.of("pk", s("p"), "sk", AttributeValue.fromB(SdkBytes.fromByteArray(b)))));
        }
        var prefixed = client.query(r -> r.tableName("Prefixed").keyConditionExpression("pk = :p AND begins_with(sk, :b)")
                .expressionAttributeValues(Map.of(":p", s("p"), ":b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})))));
        assertThat(prefixed.count()).isEqualTo(2);
        assertThat(prefixed.items().stream().map(i -> i.get("sk").b().asByteArray().length).collect(Collectors.toList()))
                .containsExactly(2, 3);
    }
}
