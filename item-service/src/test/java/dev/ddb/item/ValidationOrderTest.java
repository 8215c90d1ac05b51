package dev.ddb.item;

import static dev.ddb.item.support.DynamoDbErrors.assertError;
import static dev.ddb.item.support.DynamoDbErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.item.support.RunningItemService;
import dev.ddb.item.support.RunningItemService.Answer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB checks a request completely before it looks at the table: an invalid request on a
 * missing table gets the validation error, not ResourceNotFoundException; only checks that need
 * the key schema come after the table. And no invalid parameter ever leaves a write behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationOrderTest {

    private static final String MISSING = "Missing";

    @TempDir
    static Path dataDir;

    private RunningItemService service;
    private DynamoDbClient client;

    @BeforeAll
    void start() {
        service = RunningItemService.start(dataDir);
        client = service.client();
        service.provision("Things", "id", "S", null, null);
        service.provision("Events", "pk", "S", "sk", "N");
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private void assertRawValidation(String operation, String json, String message) {
        Answer answer = service.call(operation, json);
        assertThat(answer.errorCode()).isEqualTo("ValidationException");
        assertThat(answer.message()).isEqualTo(message);
    }

    @Test
    void invalidAttributeValuesOnAMissingTableAreValidationErrors() {
        assertRawValidation("PutItem", "{\"TableName\":\"Missing\",\"Item\":{\"id\":{\"S\":\"x\"},\"s\":{\"SS\":[]}}}",
                "One or more parameter values were invalid: An string set  may not be empty");
        assertRawValidation("GetItem", "{\"TableName\":\"Missing\",\"Key\":{\"id\":{\"S\":\"x\",\"N\":\"1\"}}}",
                "One or more parameter values were invalid: Supplied AttributeValue has more than one datatypes set, "
                        + "must contain exactly one of the supported datatypes");
        assertRawValidation("Scan", "{\"TableName\":\"Missing\",\"ExclusiveStartKey\":{\"id\":{\"S\":\"a\",\"N\":\"1\"}}}",
                "The provided starting key is invalid: One or more parameter values were invalid: Supplied AttributeValue "
                        + "has more than one datatypes set, must contain exactly one of the supported datatypes");
        assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of(MISSING, List.of(put(Map.of(
                        "id", AttributeValue.fromS("big"), "blob", AttributeValue.fromS("x".repeat(410_000)))))))),
                "Item size has exceeded the maximum allowed size");
    }

    @Test
    void invalidExpressionsOnAMissingTableAreValidationErrors() {
        assertValidation(() -> client.putItem(r -> r.tableName(MISSING).item(key("x")).conditionExpression("attribute_exists(id)")
                        .expressionAttributeValues(Map.of(":unused", AttributeValue.fromS("v")))),
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
        assertValidation(() -> client.getItem(r -> r.tableName(MISSING).key(key("x")).projectionExpression("#n")),
                "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; "
                        + "attribute name: #n");
        assertValidation(() -> client.updateItem(r -> r.tableName(MISSING).key(key("x")).updateExpression("SET a = :v")),
                "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v");
        assertValidation(() -> client.query(r -> r.tableName(MISSING).keyConditionExpression("pk = :p OR sk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p")))),
                "Invalid operator used in KeyConditionExpression: OR");
        assertValidation(() -> client.scan(r -> r.tableName(MISSING).filterExpression("a = = b")),
                "Invalid FilterExpression: Syntax error; token: \"=\", near: \"= = b\"");
        assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of(MISSING,
                        KeysAndAttributes.builder().keys(key("x")).projectionExpression("a,,b").build()))),
                "Invalid ProjectionExpression: Syntax error; token: \",\", near: \",,b\"");
    }

    @Test
    void invalidParametersOnAMissingTableAreValidationErrors() {
        assertValidation(() -> client.deleteItem(r -> r.tableName(MISSING).key(key("x")).returnValues(ReturnValue.ALL_NEW)),
                "ReturnValues can only be ALL_OLD or NONE");
        assertValidation(() -> client.query(r -> r.tableName(MISSING)),
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        assertValidation(() -> client.scan(r -> r.tableName(MISSING).segment(1)),
                "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of(MISSING,
                        KeysAndAttributes.builder().keys(key("x"), key("x")).build()))),
                "Provided list of item keys contains duplicates");
    }

    @Test
    void anInvalidTableNameIsAValidationErrorNotAMissingTable() {
        String invalid = "non!existent!table";
        String message = "1 validation error detected: Value '" + invalid + "' at 'tableName' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+";
        assertValidation(() -> client.getItem(r -> r.tableName(invalid).key(key("x"))), message);
        assertValidation(() -> client.putItem(r -> r.tableName(invalid).item(key("x"))), message);
        assertValidation(() -> client.updateItem(r -> r.tableName(invalid).key(key("x"))), message);
        assertValidation(() -> client.deleteItem(r -> r.tableName(invalid).key(key("x"))), message);
        assertValidation(() -> client.query(r -> r.tableName(invalid).keyConditionExpression("id = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("x")))), message);
        assertValidation(() -> client.scan(r -> r.tableName(invalid)), message);
        for (Runnable batch : List.<Runnable>of(
                () -> client.batchGetItem(r -> r.requestItems(Map.of(invalid, KeysAndAttributes.builder().keys(key("x")).build()))),
                () -> client.batchWriteItem(r -> r.requestItems(Map.of(invalid, List.of(put(key("x")))))))) {
            assertThatThrownBy(batch::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                assertThat(e.awsErrorDetails().errorMessage())
                        .contains("at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint:")
                        .contains("Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
            });
        }
    }

    @Test
    void keyChecksComeAfterTheTableLookup() {
        String notFound = "Requested resource not found";
        assertError(() -> client.getItem(r -> r.tableName(MISSING).key(Map.of("nope", AttributeValue.fromN("1")))),
                "ResourceNotFoundException", notFound);
        assertError(() -> client.putItem(r -> r.tableName(MISSING).item(Map.of("nope", AttributeValue.fromN("1")))),
                "ResourceNotFoundException", notFound);
        assertError(() -> client.query(r -> r.tableName(MISSING).keyConditionExpression("z = :v")
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1")))),
                "ResourceNotFoundException", notFound);
        assertError(() -> client.scan(r -> r.tableName(MISSING).exclusiveStartKey(Map.of("z", AttributeValue.fromN("1")))),
                "ResourceNotFoundException", notFound);
        assertError(() -> client.batchWriteItem(r -> r.requestItems(Map.of(MISSING, List.of(delete(Map.of("z", AttributeValue.fromN("1"))))))),
                "ResourceNotFoundException", notFound);
    }

    @Test
    void anInvalidParameterLeavesNoWriteBehind() {
        int changes = service.store().outboxSize();
        assertThatThrownBy(() -> client.putItem(r -> r.tableName("Things").item(key("put")).returnConsumedCapacity("BOGUS")))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> client.updateItem(r -> r.tableName("Things").key(key("update"))
                .updateExpression("SET a = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromS("v")))
                .returnValuesOnConditionCheckFailure("BOGUS")))
                .isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> client.updateItem(r -> r.tableName("Things").key(key("update"))
                .updateExpression("SET a = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromS("v")))
                .returnConsumedCapacity("BOGUS")))
                .isInstanceOf(DynamoDbException.class);
        assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of("Things", List.of(put(key("batch")))))
                .returnConsumedCapacity("BOGUS")))
                .isInstanceOf(DynamoDbException.class);

        client.putItem(r -> r.tableName("Things").item(key("kept")));
        changes++;
        assertThatThrownBy(() -> client.deleteItem(r -> r.tableName("Things").key(key("kept")).returnConsumedCapacity("BOGUS")))
                .isInstanceOf(DynamoDbException.class);

        assertThat(exists("put")).isFalse();
        assertThat(exists("update")).isFalse();
        assertThat(exists("batch")).isFalse();
        assertThat(exists("kept")).isTrue();
        assertThat(service.store().outboxSize()).isEqualTo(changes);
    }

    @Test
    void aBatchWithAnyInvalidWriteWritesNothing() {
        int changes = service.store().outboxSize();
        assertError(() -> client.batchWriteItem(r -> r.requestItems(Map.of(
                        "Things", List.of(put(key("first"))),
                        MISSING, List.of(put(key("second")))))),
                "ResourceNotFoundException", "Requested resource not found");
        assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of(
                        "Things", List.of(put(key("first")), put(Map.of("id", AttributeValue.fromN("1"))))))),
                "The provided key element does not match the schema");
        assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of(
                        "Things", List.of(put(key("first")), delete(key("first")))))),
                "Provided list of item keys contains duplicates");
        assertThat(exists("first")).isFalse();
        assertThat(service.store().outboxSize()).isEqualTo(changes);
    }

    /** GetItem and its batch and transaction forms have no ExpressionAttributeValues: one sent is ignored, as any unknown member. */
    @Test
    void expressionAttributeValuesAreNotPartOfAGet() {
        client.putItem(r -> r.tableName("Things").item(Map.of("id", AttributeValue.fromS("got"), "a", AttributeValue.fromS("x"))));
        String get = "{\"TableName\":\"Things\",\"Key\":{\"id\":{\"S\":\"got\"}},\"ProjectionExpression\":\"#a\","
                + "\"ExpressionAttributeNames\":{\"#a\":\"a\"},\"ExpressionAttributeValues\":{\":v\":{\"S\":\"unused\"}}}";

        Answer answer = service.call("GetItem", get);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/Item/a/S").asString()).isEqualTo("x");
        Answer batch = service.call("BatchGetItem", "{\"RequestItems\":{\"Things\":{\"Keys\":[{\"id\":{\"S\":\"got\"}}],"
                + "\"ProjectionExpression\":\"a\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"unused\"}}}}}");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().at("/Responses/Things/0/a/S").asString()).isEqualTo("x");
        Answer transaction = service.call("TransactGetItems", "{\"TransactItems\":[{\"Get\":" + get + "}]}");
        assertThat(transaction.status()).isEqualTo(200);
        assertThat(transaction.body().at("/Responses/0/Item/a/S").asString()).isEqualTo("x");
        // where the member belongs to the operation, an unused value is still DynamoDB's error
        assertRawValidation("Query", "{\"TableName\":\"Things\",\"KeyConditionExpression\":\"id = :id\","
                        + "\"ExpressionAttributeValues\":{\":id\":{\"S\":\"got\"},\":v\":{\"S\":\"unused\"}}}",
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}");
    }

    /** DynamoDB refuses ProjectionExpression on one table of a BatchGetItem and AttributesToGet on another, as within one. */
    @Test
    void aBatchGetUsesOneKindOfProjectionForEveryTable() {
        assertRawValidation("BatchGetItem", "{\"RequestItems\":{\"Things\":{\"Keys\":[{\"id\":{\"S\":\"a\"}}],"
                        + "\"ProjectionExpression\":\"id\"},\"Events\":{\"Keys\":[{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}],"
                        + "\"AttributesToGet\":[\"pk\"]}}}",
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
    }

    /** An empty attribute name in an item to write is DynamoDB's "Empty attribute name", found before a value nested too deep. */
    @Test
    void anEmptyAttributeNameInAnItemIsRefusedFirst() {
        String deep = "{\"S\":\"leaf\"}";
        for (int i = 0; i < 40; i++) {
            deep = "{\"M\":{\"n\":" + deep + "}}";
        }
        assertRawValidation("PutItem", "{\"TableName\":\"Things\",\"Item\":{\"id\":{\"S\":\"a\"},\"\":{\"S\":\"x\"}}}",
                "Empty attribute name");
        assertRawValidation("PutItem", "{\"TableName\":\"Missing\",\"Item\":{\"id\":{\"S\":\"a\"},\"d\":" + deep
                + ",\"\":{\"S\":\"x\"}}}", "Empty attribute name");
        assertRawValidation("TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"Things\",\"Item\":"
                + "{\"id\":{\"S\":\"a\"},\"\":{\"S\":\"x\"}}}},{\"Put\":{\"TableName\":\"Things\",\"Item\":"
                + "{\"id\":{\"S\":\"b\"},\"d\":" + deep + "}}}]}", "Empty attribute name");
        assertRawValidation("BatchWriteItem", "{\"RequestItems\":{\"Things\":[{\"PutRequest\":{\"Item\":"
                + "{\"id\":{\"S\":\"a\"},\"\":{\"S\":\"x\"}}}}]}}", "Empty attribute name");
        assertThat(exists("a")).isFalse();
    }

    private boolean exists(String id) {
        return client.getItem(r -> r.tableName("Things").key(key(id))).hasItem();
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }
}
