package dev.ddb.standalone.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ddb.standalone.LocalStack;
import dev.ddb.standalone.StackSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import tools.jackson.databind.JsonNode;

/**
 * The reported case of issue 8: an UpdateItem whose ExpressionAttributeNames maps {@code #a} to
 * {@code "x\udfff"} (a lone low surrogate, sent as a JSON escape) used to write an attribute name
 * that could never be read back, poisoning the item. It must be rejected with a 400 that names its
 * {@code __type}, write nothing, and leave the item readable, writable and deletable.
 */
class PoisonedNameRegressionTest {

    private static final String TABLE = "Poison";
    private static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";

    /** The reported request, byte for byte: {@code \\udfff} is a JSON escape in the body, not a Java one. */
    private static final String REPORTED = "{\"TableName\":\"Poison\",\"Key\":{\"pk\":{\"S\":\"%s\"}},"
            + "\"UpdateExpression\":\"SET #a = :v\",\"ExpressionAttributeNames\":{\"#a\":\"x\\udfff\"},"
            + "\"ExpressionAttributeValues\":{\":v\":{\"S\":\"boom\"}}}";

    @TempDir
    static Path dataDir;

    static LocalStack stack;
    static Wire wire;
    static DynamoDbClient client;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackSettings.ephemeral(dataDir));
        wire = new Wire(stack.gatewayUrl(), 2);
        client = HardeningClients.dynamoDb(stack.gatewayUrl());
        client.createTable(r -> r.tableName(TABLE)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
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
        if (stack != null) {
            stack.close();
        }
    }

    private static Map<String, AttributeValue> original(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk), "keep", AttributeValue.fromS("v"), "n", AttributeValue.fromN("1"));
    }

    @Test
    void theReportedUpdateIsRejectedAndTheItemStaysUsable() {
        String pk = "reported";
        client.putItem(b -> b.tableName(TABLE).item(original(pk)));

        Wire.Answer answer = wire.send(Wire.dynamodb("UpdateItem"), String.format(REPORTED, pk).getBytes(StandardCharsets.US_ASCII));

        SoftAssertions softly = new SoftAssertions();
        assertRejected(softly, answer);
        assertItemUsable(softly, pk);
        softly.assertAll();
    }

    @Test
    void theReportedUpdateOnAMissingItemCreatesNothing() {
        String pk = "never-written";

        Wire.Answer answer = wire.send(Wire.dynamodb("UpdateItem"), String.format(REPORTED, pk).getBytes(StandardCharsets.US_ASCII));

        SoftAssertions softly = new SoftAssertions();
        assertRejected(softly, answer);
        Wire.Answer read = wire.send(Wire.dynamodb("GetItem"),
                ("{\"TableName\":\"Poison\",\"Key\":{\"pk\":{\"S\":\"" + pk + "\"}},\"ConsistentRead\":true}").getBytes(StandardCharsets.US_ASCII));
        softly.assertThat(read.status()).as("GetItem %s", Wire.summary(read)).isEqualTo(200);
        softly.assertThat(read.status() == 200 && read.json().has("Item")).as("an item was created: %s", read.bodyText()).isFalse();
        step(softly, "SDK Scan", () -> softly.assertThat(client.scan(b -> b.tableName(TABLE)).items())
                .as("SDK Scan").noneMatch(item -> pk.equals(item.get("pk").s())));
        softly.assertAll();
    }

    /** Close relatives of the reported case: other unpaired surrogates, other places of the name, raw CESU-8 bytes. */
    static Stream<Arguments> relatives() {
        return Stream.of(
                Arguments.of("lone high surrogate", names("\"#a\":\"x\\ud800\"")),
                Arguments.of("lone surrogate alone", names("\"#a\":\"\\udfff\"")),
                Arguments.of("reversed pair", names("\"#a\":\"\\udc00\\ud800\"")),
                Arguments.of("surrogate before a valid pair", names("\"#a\":\"\\udfff\\ud83d\\ude00\"")),
                Arguments.of("lone surrogate also in the condition", conditional("attribute_not_exists(#a)", "\"#a\":\"x\\udfff\"")),
                Arguments.of("lone surrogate with ReturnValues ALL_NEW", body("SET #a = :v", "\"#a\":\"x\\udfff\"", "\"ALL_NEW\"")),
                Arguments.of("CESU-8 bytes ED BF BF (U+DFFF unescaped)", rawName(new byte[] {'x', (byte) 0xED, (byte) 0xBF, (byte) 0xBF})),
                Arguments.of("overlong C0 80", rawName(new byte[] {'x', (byte) 0xC0, (byte) 0x80})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("relatives")
    void relativesOfTheReportedUpdateAreRejectedToo(String what, String bodyTemplate) {
        String pk = "relative-" + what.replaceAll("[^A-Za-z0-9]", "-");
        client.putItem(b -> b.tableName(TABLE).item(original(pk)));

        Wire.Answer answer = wire.send(Wire.dynamodb("UpdateItem"), bodyTemplate.replace("PK", pk).getBytes(StandardCharsets.ISO_8859_1));

        SoftAssertions softly = new SoftAssertions();
        assertRejected(softly, answer);
        assertItemUsable(softly, pk);
        softly.assertAll();
    }

    private static String conditional(String condition, String names) {
        String body = body("SET #a = :v", names, null);
        return body.substring(0, body.length() - 1) + ",\"ConditionExpression\":\"" + condition + "\"}";
    }

    private static String names(String names) {
        return body("SET #a = :v", names, null);
    }

    private static String body(String update, String names, String returnValues) {
        return "{\"TableName\":\"Poison\",\"Key\":{\"pk\":{\"S\":\"PK\"}},\"UpdateExpression\":\"" + update + "\","
                + "\"ExpressionAttributeNames\":{" + names + "},\"ExpressionAttributeValues\":{\":v\":{\"S\":\"boom\"}}"
                + (returnValues == null ? "" : ",\"ReturnValues\":" + returnValues) + "}";
    }

    /** A body whose name has raw bytes; carried as ISO-8859-1 text so that each char is one byte on the wire. */
    private static String rawName(byte[] name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("\"#a\":\"".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(name);
        out.writeBytes("\"".getBytes(StandardCharsets.US_ASCII));
        return names(new String(out.toByteArray(), StandardCharsets.ISO_8859_1));
    }

    private static void assertRejected(SoftAssertions softly, Wire.Answer answer) {
        softly.assertThat(Wire.problem(answer)).as("wire rules, answer %s", Wire.summary(answer)).isNull();
        softly.assertThat(answer.status()).as("status, answer %s", Wire.summary(answer)).isEqualTo(400);
        softly.assertThat(answer.type()).as("__type, answer %s", Wire.summary(answer)).isIn(SERIALIZATION, VALIDATION);
    }

    /**
     * Read back exactly as written (raw and SDK), scanned, overwritten, updated, deleted. Soft, so
     * that a wrongly accepted update also shows what it did to the item.
     */
    private static void assertItemUsable(SoftAssertions softly, String pk) {
        Map<String, AttributeValue> original = original(pk);
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(pk));
        String rawKey = "{\"TableName\":\"Poison\",\"Key\":{\"pk\":{\"S\":\"" + pk + "\"}},\"ConsistentRead\":true}";

        Wire.Answer raw = wire.send(Wire.dynamodb("GetItem"), rawKey.getBytes(StandardCharsets.US_ASCII));
        softly.assertThat(Wire.problem(raw)).as("raw GetItem wire rules: %s", Wire.summary(raw)).isNull();
        if (raw.status() == 200) {
            JsonNode expected = Wire.JSON.readTree("{\"pk\":{\"S\":\"" + pk + "\"},\"keep\":{\"S\":\"v\"},\"n\":{\"N\":\"1\"}}");
            softly.assertThat(raw.json().get("Item")).as("raw GetItem after the update: %s", raw.bodyText()).isEqualTo(expected);
        } else {
            softly.fail("raw GetItem after the update answered " + Wire.summary(raw));
        }

        step(softly, "SDK GetItem", () -> softly.assertThat(client.getItem(b -> b.tableName(TABLE).key(key).consistentRead(true)).item())
                .as("SDK GetItem after the update").isEqualTo(original));
        step(softly, "SDK Scan", () -> softly.assertThat(client.scan(b -> b.tableName(TABLE)).items())
                .as("SDK Scan after the update").filteredOn(item -> pk.equals(item.get("pk").s())).containsExactly(original));
        step(softly, "SDK PutItem", () -> client.putItem(b -> b.tableName(TABLE)
                .item(Map.of("pk", AttributeValue.fromS(pk), "keep", AttributeValue.fromS("w")))));
        step(softly, "SDK UpdateItem", () -> softly.assertThat(client.updateItem(b -> b.tableName(TABLE).key(key)
                        .updateExpression("SET #a = :v").expressionAttributeNames(Map.of("#a", "x"))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("ok"))).returnValues(ReturnValue.ALL_NEW)).attributes())
                .as("SDK UpdateItem ALL_NEW").isEqualTo(Map.of("pk", AttributeValue.fromS(pk), "keep", AttributeValue.fromS("w"),
                        "x", AttributeValue.fromS("ok"))));
        step(softly, "SDK DeleteItem", () -> client.deleteItem(b -> b.tableName(TABLE).key(key)));
        step(softly, "SDK GetItem after DeleteItem", () -> softly.assertThat(
                client.getItem(b -> b.tableName(TABLE).key(key).consistentRead(true)).hasItem()).as("item still there after DeleteItem").isFalse());
    }

    private static void step(SoftAssertions softly, String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            softly.fail(what + " failed: " + e);
        }
    }
}
