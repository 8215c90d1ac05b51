package dev.ddb.standalone.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.standalone.Clients;
import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import tools.jackson.databind.JsonNode;

/**
 * The REST API ({@code /v1}) against the whole stack in {@code open} mode, with a real HTTP client:
 * CRUD and queries with every attribute type, paging, an index, the status codes, and items shared
 * with the DynamoDB protocol both ways (the real AWS SDK client).
 */
class RestApiEndToEndTest {

    private static final String BURST = "ddb.item.capacity.burst-seconds";

    /** Every attribute type, numbers at the edges of DynamoDB's range. */
    private static final String EVERY_TYPE = """
            {"text": "héllo \\"world\\"", "big": 12345678901234567890123456789012345678,
             "fraction": 0.12345678901234567890123456789012345678, "tiny": -1E-130, "huge": 9.99E+125, "int": 1000,
             "yes": true, "no": false, "nothing": null, "list": ["a", 1, [true, null], {"k": "v"}],
             "map": {"nested": {"deeper": [1.5]}, "empty": {}},
             "tags": {"$ss": ["blue", "red"]}, "scores": {"$ns": [1, 2.5, -3]}, "blobs": {"$bs": ["AQI=", "/w=="]},
             "blob": {"$b": "AQID"}, "looksLikeATag": {"$m": {"$ss": "just a string"}}}""";

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static DynamoDbClient dynamoDb;
    private static RestClient rest;

    @BeforeAll
    static void start() {
        // A 1-second burst, so that a PROVISIONED table with 1 WCU throttles at once (read at item-service's start).
        System.setProperty(BURST, "1");
        try {
            stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        } finally {
            System.clearProperty(BURST);
        }
        dynamoDb = Clients.dynamoDbWithoutRetries(stack.gatewayUrl());
        rest = new RestClient(stack.gatewayUrl());
        dynamoDb.createTable(b -> b.tableName("Orders")
                .attributeDefinitions(attribute("customer", ScalarAttributeType.S), attribute("at", ScalarAttributeType.N),
                        attribute("status", ScalarAttributeType.S))
                .keySchema(key("customer", KeyType.HASH), key("at", KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("ByStatus")
                        .keySchema(key("status", KeyType.HASH), key("at", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamoDb.createTable(b -> b.tableName("Blobs")
                .attributeDefinitions(attribute("id", ScalarAttributeType.B))
                .keySchema(key("id", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamoDb.createTable(b -> b.tableName("Tiny")
                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH))
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));
    }

    @AfterAll
    static void stop() {
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anItemWithEveryAttributeTypeIsCreatedReadReplacedPatchedAndDeleted() {
        JsonNode document = RestClient.json(EVERY_TYPE);
        RestClient.Answer created = rest.put("/v1/tables/Orders/items/alice/1", EVERY_TYPE);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.location()).endsWith("/v1/tables/Orders/items/alice/1");
        assertThat(numbersByValue(created.body())).isEqualTo(numbersByValue(withKey(document, "alice", 1)));

        RestClient.Answer read = rest.get("/v1/tables/Orders/items/alice/1");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(numbersByValue(read.body())).isEqualTo(numbersByValue(withKey(document, "alice", 1)));
        assertThat(read.body().get("big").bigIntegerValue().toString()).isEqualTo("12345678901234567890123456789012345678");
        assertThat(read.body().get("fraction").decimalValue()).isEqualTo(new BigDecimal("0.12345678901234567890123456789012345678"));

        // The DynamoDB protocol reads what REST wrote, with DynamoDB's types.
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName("Orders").key(orderKey("alice", 1))).item();
        assertThat(item.get("big").n()).isEqualTo("12345678901234567890123456789012345678");
        assertThat(new BigDecimal(item.get("tiny").n())).isEqualByComparingTo("-1E-130");
        assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("blue", "red");
        assertThat(item.get("scores").ns()).containsExactlyInAnyOrder("1", "2.5", "-3");
        assertThat(item.get("blobs").bs()).containsExactlyInAnyOrder(SdkBytes.fromByteArray(new byte[] {1, 2}),
                SdkBytes.fromByteArray(new byte[] {(byte) 0xff}));
        assertThat(item.get("blob").b().asByteArray()).containsExactly(1, 2, 3);
        assertThat(item.get("nothing").nul()).isTrue();
        assertThat(item.get("list").l().get(1).n()).isEqualTo("1");
        assertThat(item.get("looksLikeATag").m().get("$ss").s()).isEqualTo("just a string");

        RestClient.Answer replaced = rest.put("/v1/tables/Orders/items/alice/1", "{\"status\": \"NEW\", \"total\": 10}");
        assertThat(replaced.status()).isEqualTo(200);
        RestClient.Answer patched = rest.patch("/v1/tables/Orders/items/alice/1",
                "{\"status\": \"PAID\", \"total\": null, \"paidWith\": {\"$ss\": [\"card\"]}}");
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(patched.body()).isEqualTo(RestClient.json(
                "{\"customer\": \"alice\", \"at\": 1, \"status\": \"PAID\", \"paidWith\": {\"$ss\": [\"card\"]}}"));

        assertThat(rest.delete("/v1/tables/Orders/items/alice/1").status()).isEqualTo(204);
        RestClient.Answer gone = rest.get("/v1/tables/Orders/items/alice/1");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.body().get("status").asInt()).isEqualTo(404);
        assertThat(rest.delete("/v1/tables/Orders/items/alice/1").status()).isEqualTo(404);
        assertThat(dynamoDb.getItem(b -> b.tableName("Orders").key(orderKey("alice", 1))).hasItem()).isFalse();
    }

    @Test
    void anItemWrittenWithTheDynamoDbProtocolReadsAsAPlainDocument() {
        dynamoDb.putItem(b -> b.tableName("Orders").item(Map.ofEntries(
                Map.entry("customer", AttributeValue.fromS("sdk")), Map.entry("at", AttributeValue.fromN("7")),
                Map.entry("amount", AttributeValue.fromN("99999999999999999999.000000000000000001")),
                Map.entry("flag", AttributeValue.fromBool(true)), Map.entry("none", AttributeValue.fromNul(true)),
                Map.entry("ss", AttributeValue.fromSs(List.of("x"))), Map.entry("ns", AttributeValue.fromNs(List.of("42"))),
                Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {9})))),
                Map.entry("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1}))),
                Map.entry("l", AttributeValue.fromL(List.of(AttributeValue.fromS("y")))),
                Map.entry("m", AttributeValue.fromM(Map.of("$b", AttributeValue.fromS("a map, not binary")))))));

        RestClient.Answer read = rest.get("/v1/tables/Orders/items/sdk/7?consistent=true");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(RestClient.json("""
                {"customer": "sdk", "at": 7, "amount": 99999999999999999999.000000000000000001, "flag": true,
                 "none": null, "ss": {"$ss": ["x"]}, "ns": {"$ns": [42]}, "bs": {"$bs": ["CQ=="]}, "b": {"$b": "AQ=="},
                 "l": ["y"], "m": {"$m": {"$b": "a map, not binary"}}}"""));
    }

    @Test
    void conditionalWritesAnswer409WhenTheirPreconditionFails() {
        assertThat(rest.put("/v1/tables/Orders/items/cond/1", "{\"v\": 1}", "If-None-Match", "*").status()).isEqualTo(201);
        RestClient.Answer again = rest.put("/v1/tables/Orders/items/cond/1", "{\"v\": 2}", "If-None-Match", "*");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.errorType()).isEqualTo("ConditionalCheckFailedException");
        assertThat(again.body().get("title").asString()).isEqualTo("ConditionalCheckFailedException");
        assertThat(again.body().get("detail").asString()).isEqualTo("The conditional request failed");

        assertThat(rest.patch("/v1/tables/Orders/items/cond/2", "{\"v\": 1}", "If-Match", "*").status()).isEqualTo(409);
        assertThat(rest.delete("/v1/tables/Orders/items/cond/2", "If-Match", "*").status()).isEqualTo(409);
        assertThat(rest.patch("/v1/tables/Orders/items/cond/1", "{\"v\": 3}", "If-Match", "*").body().get("v").asInt())
                .isEqualTo(3);
        assertThat(rest.get("/v1/tables/Orders/items/cond/2").status()).isEqualTo(404);
    }

    @Test
    void aQueryPagesWithItsNextTokenInEitherOrder() {
        for (int at = 1; at <= 5; at++) {
            assertThat(rest.put("/v1/tables/Orders/items/carol/" + at, "{\"n\": " + at + "}").status()).isEqualTo(201);
        }
        assertThat(pagesOf("/v1/tables/Orders/items?partitionKey=carol&sk_between=2&sk_between=5&limit=2"))
                .containsExactly(2, 3, 4, 5);
        assertThat(pagesOf("/v1/tables/Orders/items?partitionKey=carol&sk_gt=1&order=desc&limit=3"))
                .containsExactly(5, 4, 3, 2);
        assertThat(pagesOf("/v1/tables/Orders/items?partitionKey=carol&sk_le=2")).containsExactly(1, 2);
        assertThat(pagesOf("/v1/tables/Orders/items?partitionKey=nobody")).isEmpty();

        RestClient.Answer firstPage = rest.get("/v1/tables/Orders/items?partitionKey=carol&limit=1");
        assertThat(firstPage.body().get("count").asInt()).isEqualTo(1);
        assertThat(firstPage.body().get("next").asString()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anIndexIsQueriedByItsOwnKey() {
        rest.put("/v1/tables/Orders/items/dan/1", "{\"status\": \"SHIPPED\"}");
        rest.put("/v1/tables/Orders/items/erin/2", "{\"status\": \"SHIPPED\"}");
        rest.put("/v1/tables/Orders/items/erin/3", "{\"status\": \"OPEN\"}");
        RestClient.Answer shipped = rest.get("/v1/tables/Orders/items?index=ByStatus&partitionKey=SHIPPED&sk_ge=1");
        assertThat(shipped.status()).as("%s", shipped).isEqualTo(200);
        assertThat(shipped.body().get("items")).extracting(item -> item.get("customer").asString())
                .containsExactly("dan", "erin");
        RestClient.Answer noIndex = rest.get("/v1/tables/Orders/items?index=Nope&partitionKey=x");
        assertThat(noIndex.status()).isEqualTo(400);
        assertThat(noIndex.errorType()).isEqualTo("ValidationException");
    }

    @Test
    void binaryKeysGoInThePathAsBase64() {
        assertThat(rest.put("/v1/tables/Blobs/items/-_8", "{\"v\": \"x\"}").status()).isEqualTo(201);
        // the same key as standard base64, percent-encoded
        RestClient.Answer read = rest.get("/v1/tables/Blobs/items/%2B%2F8%3D");
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.body()).isEqualTo(RestClient.json("{\"id\": {\"$b\": \"+/8=\"}, \"v\": \"x\"}"));
    }

    @Test
    void badInputIsA400ProblemAndMissingThingsAre404() {
        RestClient.Answer notJson = rest.put("/v1/tables/Orders/items/x/1", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        assertThat(notJson.body().get("type").asString()).isEqualTo("about:blank");

        for (String method : new String[] {"GET", "PUT", "PATCH", "DELETE"}) { // the sort key is a number
            RestClient.Answer badNumber = rest.send(method, "/v1/tables/Orders/items/x/abc",
                    method.startsWith("P") ? "{}" : null, Map.of());
            assertThat(badNumber.status()).as(method).isEqualTo(400);
            assertThat(badNumber.errorType()).as(method).isEqualTo("ValidationException");
        }

        RestClient.Answer emptySet = rest.put("/v1/tables/Orders/items/x/1", "{\"s\": {\"$ss\": []}}");
        assertThat(emptySet.status()).isEqualTo(400);
        assertThat(emptySet.errorType()).isEqualTo("ValidationException");
        assertThat(emptySet.body().get("__type").asString()).isEqualTo("com.amazon.coral.validate#ValidationException");

        RestClient.Answer beginsWithOnANumber = rest.get("/v1/tables/Orders/items?partitionKey=x&sk_begins_with=1");
        assertThat(beginsWithOnANumber.status()).isEqualTo(400);
        assertThat(beginsWithOnANumber.errorType()).isEqualTo("ValidationException");

        assertThat(rest.get("/v1/tables/Orders/items?sk_gt=1").status()).isEqualTo(400);
        assertThat(rest.get("/v1/tables/Orders/items?partitionKey=x&next=garbage!").status()).isEqualTo(400);
        assertThat(rest.get("/v1/tables/Orders/items/x").status()).isEqualTo(400); // the key needs its sort key

        RestClient.Answer wrongMethod = rest.send("POST", "/v1/tables", "{}", Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.allow()).isEqualTo("GET");
        assertThat(rest.get("/v1/nothing/here").status()).isEqualTo(404);

        for (String path : new String[] {"/v1/tables/NoSuchTable", "/v1/tables/NoSuchTable/items/a",
            "/v1/tables/NoSuchTable/items?partitionKey=a"}) {
            RestClient.Answer missing = rest.get(path);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.errorType()).as(path).isEqualTo("ResourceNotFoundException");
        }
    }

    @Test
    void aBurstOnAOneUnitTableIsThrottledWith429() {
        RestClient.Answer answer = null;
        for (int i = 0; i < 200; i++) {
            answer = rest.put("/v1/tables/Tiny/items/k" + i, "{\"v\": " + i + "}");
            if (answer.status() != 201) {
                break;
            }
        }
        assertThat(answer.status()).as("%s", answer).isEqualTo(429);
        assertThat(answer.errorType()).isEqualTo("ProvisionedThroughputExceededException");
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void tablesAreListedAndDescribed() {
        RestClient.Answer all = rest.get("/v1/tables");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().get("tables")).extracting(JsonNode::asString).contains("Blobs", "Orders", "Tiny");

        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            RestClient.Answer page = rest.get("/v1/tables?limit=1" + (next == null ? "" : "&next=" + next));
            page.body().get("tables").forEach(name -> paged.add(name.asString()));
            next = page.body().has("next") ? page.body().get("next").asString() : null;
        } while (next != null);
        assertThat(paged).containsExactlyElementsOf(all.body().get("tables").valueStream().map(JsonNode::asString).toList());

        RestClient.Answer orders = rest.get("/v1/tables/Orders");
        assertThat(orders.status()).isEqualTo(200);
        assertThat(orders.body().get("TableName").asString()).isEqualTo("Orders");
        assertThat(orders.body().get("TableStatus").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void theOpenApiDocumentIsServed() {
        RestClient.Answer document = rest.get("/v1/openapi.json");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body().get("openapi").asString()).startsWith("3.");
        assertThat(document.body().get("paths").has("/v1/tables/{table}/items/{partitionKey}/{sortKey}")).isTrue();
    }

    /** Every page of a query, following {@code next}: the items' sort keys in order. */
    private static List<Integer> pagesOf(String query) {
        List<Integer> found = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            RestClient.Answer page = rest.get(query + (next == null ? "" : "&next=" + next));
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.body().get("items").forEach(item -> found.add(item.get("at").asInt()));
            next = page.body().has("next") ? page.body().get("next").asString() : null;
            assertThat(++pages).isLessThan(10);
        } while (next != null);
        return found;
    }

    /**
     * The document with each number as the text of its value, so that 9.99E+125 and the same number
     * written out in digits compare equal (DynamoDB writes its numbers without exponents).
     */
    private static JsonNode numbersByValue(JsonNode node) {
        if (node.isNumber()) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(
                    "number " + node.decimalValue().stripTrailingZeros().toPlainString());
        }
        if (node.isContainer()) {
            JsonNode copy = node.deepCopy();
            if (copy.isObject()) {
                for (String name : node.propertyNames()) {
                    ((tools.jackson.databind.node.ObjectNode) copy).set(name, numbersByValue(node.get(name)));
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    ((tools.jackson.databind.node.ArrayNode) copy).set(i, numbersByValue(node.get(i)));
                }
            }
            return copy;
        }
        return node;
    }

    private static JsonNode withKey(JsonNode document, String customer, int at) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) document.deepCopy();
        copy.put("customer", customer);
        copy.set("at", RestClient.json(Integer.toString(at)));
        return copy;
    }

    private static Map<String, AttributeValue> orderKey(String customer, int at) {
        return Map.of("customer", AttributeValue.fromS(customer), "at", AttributeValue.fromN(Integer.toString(at)));
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
