package dev.ddb.item;

import static dev.ddb.item.support.DynamoDbErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.item.support.RunningItemService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A Query or Scan resumes only where it could have stopped: an ExclusiveStartKey of the table's
 * key schema, inside the Query's key condition, in the parallel Scan's own segment; otherwise
 * DynamoDB's ValidationException.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExclusiveStartKeyTest {

    @TempDir
    static Path dataDir;

    private RunningItemService service;
    private DynamoDbClient client;

    @BeforeAll
    void start() {
        service = RunningItemService.start(dataDir);
        client = service.client();
        service.provision("Events", "pk", "S", "sk", "N");
        service.provision("Numbers", "id", "N", null, null);
        List<WriteRequest> events = new ArrayList<>();
        List<WriteRequest> numbers = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            events.add(put(Map.of("pk", s("p"), "sk", n(i))));
            numbers.add(put(Map.of("id", n(i))));
        }
        client.batchWriteItem(r -> r.requestItems(Map.of("Events", events, "Numbers", numbers)));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private QueryResponse query(String keyCondition, int bound, Map<String, AttributeValue> startKey) {
        return client.query(r -> r.tableName("Events").keyConditionExpression(keyCondition)
                .expressionAttributeValues(keyCondition.contains(":n") ? Map.of(":p", s("p"), ":n", n(bound)) : Map.of(":p", s("p")))
                .exclusiveStartKey(startKey));
    }

    @Test
    void aQueryResumesInsideItsKeyCondition() {
        QueryResponse rest = query("pk = :p AND sk > :n", 2, Map.of("pk", s("p"), "sk", n(6)));
        assertThat(rest.items()).extracting(item -> item.get("sk").n()).containsExactly("7", "8", "9");
    }

    @Test
    void aQueryRejectsAStartKeyOutsideItsKeyCondition() {
        assertValidation(() -> query("pk = :p", 0, Map.of("pk", s("other"), "sk", n(1))),
                "The provided starting key is outside query boundaries based on provided conditions");
        assertValidation(() -> client.query(r -> r.tableName("Events")
                        .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                                .attributeValueList(s("p")).build()))
                        .exclusiveStartKey(Map.of("pk", s("other"), "sk", n(1)))),
                "The provided starting key is outside query boundaries based on provided conditions");
        assertValidation(() -> query("pk = :p AND sk > :n", 5, Map.of("pk", s("p"), "sk", n(3))),
                "The provided starting key does not match the range key predicate");
        assertValidation(() -> query("pk = :p AND sk < :n", 5, Map.of("pk", s("other"), "sk", n(3))),
                "The query can return at most one row and cannot be restarted");
    }

    @Test
    void aQueryRejectsAStartKeyThatIsNotAKey() {
        assertValidation(() -> query("pk = :p", 0, Map.of("pk", s("p"))), "The provided starting key is invalid");
        assertValidation(() -> query("pk = :p", 0, Map.of("pk", s("p"), "other", n(1))), "The provided starting key is invalid");
        assertValidation(() -> query("pk = :p", 0, Map.of("pk", s("p"), "sk", s("1"))),
                "The provided key element does not match the schema");
        // DynamoDB checks key attribute by key attribute: the partition key's condition before the sort key's start value
        assertValidation(() -> client.query(r -> r.tableName("Events").keyConditionExpression("sk > :n")
                        .expressionAttributeValues(Map.of(":n", n(1))).exclusiveStartKey(Map.of("pk", s("p"), "sk", s("1")))),
                "Query condition missed key schema element: pk");
    }

    @Test
    void aScanRejectsAStartKeyThatIsNotAKey() {
        String mismatch = "The provided starting key is invalid: The provided key element does not match the schema";
        assertValidation(() -> client.scan(r -> r.tableName("Events").exclusiveStartKey(Map.of("pk", s("p")))), mismatch);
        assertValidation(() -> client.scan(r -> r.tableName("Events").exclusiveStartKey(Map.of("pk", s("p"), "sk", s("1")))), mismatch);
    }

    @Test
    void aParallelScanResumesOnlyInItsOwnSegment() {
        ScanResponse first = client.scan(r -> r.tableName("Numbers").segment(0).totalSegments(2).limit(1));
        Map<String, AttributeValue> startKey = first.lastEvaluatedKey();
        assertThat(startKey).isNotEmpty();
        ScanResponse rest = client.scan(r -> r.tableName("Numbers").segment(0).totalSegments(2).exclusiveStartKey(startKey));
        assertThat(rest.items()).doesNotContain(startKey);
        assertValidation(() -> client.scan(r -> r.tableName("Numbers").segment(1).totalSegments(2).exclusiveStartKey(startKey)),
                "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct "
                        + "Segment. TotalSegments: 2 Segment: 1");
    }
}
