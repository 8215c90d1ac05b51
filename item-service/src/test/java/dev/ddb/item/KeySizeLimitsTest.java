package dev.ddb.item;

import static dev.ddb.item.support.DynamoDbErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.item.support.RunningItemService;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Partition keys are at most 2048 bytes and sort keys at most 1024 bytes (UTF-8 bytes, not
 * characters), and every operation that takes a key says so in DynamoDB's words: reads check
 * keys as writes do, since such a key can never exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeySizeLimitsTest {

    /** DynamoDB's message, missing space included. */
    private static final String PARTITION_KEY_TOO_LONG =
            "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes";
    private static final String SORT_KEY_TOO_LONG =
            "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes";

    /** Two bytes a character in UTF-8. */
    private static final String LONGEST_PARTITION_KEY = "\u00e9".repeat(1024);
    private static final String LONGEST_SORT_KEY = "\u00e9".repeat(512);
    private static final AttributeValue TOO_LONG_PARTITION_KEY = AttributeValue.fromS(LONGEST_PARTITION_KEY + "x");
    private static final AttributeValue TOO_LONG_SORT_KEY = AttributeValue.fromS(LONGEST_SORT_KEY + "x");
    private static final AttributeValue P = AttributeValue.fromS("p");

    @TempDir
    static Path dataDir;

    private RunningItemService service;
    private DynamoDbClient client;

    @BeforeAll
    void start() {
        service = RunningItemService.start(dataDir);
        client = service.client();
        service.provision("Keys", "pk", "S", "sk", "S");
        service.provision("Blobs", "id", "B", null, null);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private static Map<String, AttributeValue> key(AttributeValue pk, AttributeValue sk) {
        return Map.of("pk", pk, "sk", sk);
    }

    @Test
    void keysUpToTheLimitsInBytesAreFine() {
        Map<String, AttributeValue> longest = key(AttributeValue.fromS(LONGEST_PARTITION_KEY), AttributeValue.fromS(LONGEST_SORT_KEY));
        client.putItem(r -> r.tableName("Keys").item(longest));
        assertThat(client.getItem(r -> r.tableName("Keys").key(longest)).item()).isEqualTo(longest);
        client.putItem(r -> r.tableName("Blobs").item(Map.of("id", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[2048])))));
    }

    @Test
    void writesRejectTooLongKeys() {
        assertValidation(() -> client.putItem(r -> r.tableName("Keys").item(key(TOO_LONG_PARTITION_KEY, P))), PARTITION_KEY_TOO_LONG);
        assertValidation(() -> client.putItem(r -> r.tableName("Keys").item(key(P, TOO_LONG_SORT_KEY))), SORT_KEY_TOO_LONG);
        assertValidation(() -> client.putItem(r -> r.tableName("Blobs").item(Map.of("id",
                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[2049]))))), PARTITION_KEY_TOO_LONG);
        assertValidation(() -> client.updateItem(r -> r.tableName("Keys").key(key(TOO_LONG_PARTITION_KEY, P))), PARTITION_KEY_TOO_LONG);
        assertValidation(() -> client.updateItem(r -> r.tableName("Keys").key(key(P, TOO_LONG_SORT_KEY))), SORT_KEY_TOO_LONG);
        assertValidation(() -> client.deleteItem(r -> r.tableName("Keys").key(key(TOO_LONG_PARTITION_KEY, P))), PARTITION_KEY_TOO_LONG);
        assertValidation(() -> client.deleteItem(r -> r.tableName("Keys").key(key(P, TOO_LONG_SORT_KEY))), SORT_KEY_TOO_LONG);
        assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of("Keys", List.of(WriteRequest.builder()
                .putRequest(PutRequest.builder().item(key(TOO_LONG_PARTITION_KEY, P)).build()).build())))), PARTITION_KEY_TOO_LONG);
        assertValidation(() -> client.batchWriteItem(r -> r.requestItems(Map.of("Keys", List.of(WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(key(P, TOO_LONG_SORT_KEY)).build()).build())))), SORT_KEY_TOO_LONG);
    }

    @Test
    void getItemRejectsATooLongKeyInsteadOfAnsweringNothing() {
        assertValidation(() -> client.getItem(r -> r.tableName("Keys").key(key(TOO_LONG_PARTITION_KEY, P))), PARTITION_KEY_TOO_LONG);
        assertValidation(() -> client.getItem(r -> r.tableName("Keys").key(key(P, TOO_LONG_SORT_KEY))), SORT_KEY_TOO_LONG);
        assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of("Keys",
                KeysAndAttributes.builder().keys(key(TOO_LONG_PARTITION_KEY, P)).build()))), PARTITION_KEY_TOO_LONG);
        assertValidation(() -> client.batchGetItem(r -> r.requestItems(Map.of("Keys",
                KeysAndAttributes.builder().keys(key(P, TOO_LONG_SORT_KEY)).build()))), SORT_KEY_TOO_LONG);
    }

    @Test
    void queryKeyConditionsRejectTooLongKeys() {
        assertValidation(() -> client.query(r -> r.tableName("Keys").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", TOO_LONG_PARTITION_KEY))), PARTITION_KEY_TOO_LONG);
        assertValidation(() -> client.query(r -> r.tableName("Keys").keyConditionExpression("pk = :p AND sk > :s")
                .expressionAttributeValues(Map.of(":p", P, ":s", TOO_LONG_SORT_KEY))), SORT_KEY_TOO_LONG);
    }

    @Test
    void exclusiveStartKeysRejectTooLongKeys() {
        assertValidation(() -> client.query(r -> r.tableName("Keys").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", P)).exclusiveStartKey(key(TOO_LONG_PARTITION_KEY, P))), PARTITION_KEY_TOO_LONG);
        assertValidation(() -> client.query(r -> r.tableName("Keys").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", P)).exclusiveStartKey(key(P, TOO_LONG_SORT_KEY))), SORT_KEY_TOO_LONG);
        assertValidation(() -> client.scan(r -> r.tableName("Keys").exclusiveStartKey(key(TOO_LONG_PARTITION_KEY, P))),
                "The provided starting key is invalid: " + PARTITION_KEY_TOO_LONG);
        assertValidation(() -> client.scan(r -> r.tableName("Keys").exclusiveStartKey(key(P, TOO_LONG_SORT_KEY))),
                "The provided starting key is invalid: " + SORT_KEY_TOO_LONG);
    }
}
