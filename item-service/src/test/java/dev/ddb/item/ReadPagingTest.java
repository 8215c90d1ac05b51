package dev.ddb.item;

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
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Where a Query or Scan page ends, as in DynamoDB: after Limit items evaluated, or once the data
 * read reaches 1 MB (the item that reaches it included). A page that stops for either reason has
 * a LastEvaluatedKey, even when no item follows; a page that runs out of items has none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadPagingTest {

    private static final int MEGABYTE = 1024 * 1024;

    @TempDir
    static Path dataDir;

    private RunningItemService service;
    private DynamoDbClient client;

    @BeforeAll
    void start() {
        service = RunningItemService.start(dataDir);
        client = service.client();
        service.provision("Pages", "pk", "S", "sk", "N");
        service.provision("Few", "id", "S", null, null);
        put("Few", List.of(Map.of("id", s("a")), Map.of("id", s("b")), Map.of("id", s("c"))));
        put("Pages", List.of(sized("small", 1, 20), sized("small", 2, 20), sized("small", 3, 20)));
        // four items of exactly a quarter megabyte reach 1 MB with the fourth
        put("Pages", List.of(sized("exact", 1, MEGABYTE / 4), sized("exact", 2, MEGABYTE / 4),
                sized("exact", 3, MEGABYTE / 4), sized("exact", 4, MEGABYTE / 4), sized("exact", 5, MEGABYTE / 4)));
        // four items one byte short of a quarter megabyte stay under 1 MB: the fifth, the last, reaches it
        put("Pages", List.of(sized("under", 1, MEGABYTE / 4 - 1), sized("under", 2, MEGABYTE / 4 - 1),
                sized("under", 3, MEGABYTE / 4 - 1), sized("under", 4, MEGABYTE / 4 - 1), sized("under", 5, MEGABYTE / 4 - 1)));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** An item of exactly {@code bytes} as DynamoDB counts item size (names + values; a one-digit number is 2 bytes). */
    private static Map<String, AttributeValue> sized(String pk, int sk, int bytes) {
        int overhead = "pk".length() + pk.length() + "sk".length() + 2 + "blob".length();
        return Map.of("pk", s(pk), "sk", AttributeValue.fromN(Integer.toString(sk)), "blob", s("x".repeat(bytes - overhead)));
    }

    private void put(String table, List<Map<String, AttributeValue>> items) {
        List<WriteRequest> writes = new ArrayList<>();
        items.forEach(item -> writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()));
        client.batchWriteItem(r -> r.requestItems(Map.of(table, writes)));
    }

    private QueryResponse query(String pk, Integer limit, Map<String, AttributeValue> startKey) {
        return client.query(r -> r.tableName("Pages").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s(pk))).limit(limit).exclusiveStartKey(startKey).select(Select.COUNT));
    }

    @Test
    void aQueryStoppedByLimitAtItsLastItemStillHasALastEvaluatedKey() {
        QueryResponse page = query("small", 3, null);
        assertThat(page.count()).isEqualTo(3);
        assertThat(page.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("small"), "sk", AttributeValue.fromN("3")));
        QueryResponse after = query("small", 3, page.lastEvaluatedKey());
        assertThat(after.count()).isZero();
        assertThat(after.hasLastEvaluatedKey()).isFalse();
        assertThat(query("small", 4, null).hasLastEvaluatedKey()).isFalse();
        assertThat(query("small", null, null).hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void aScanStoppedByLimitAtTheLastItemStillHasALastEvaluatedKey() {
        ScanResponse page = client.scan(r -> r.tableName("Few").limit(3));
        assertThat(page.count()).isEqualTo(3);
        assertThat(page.lastEvaluatedKey()).isEqualTo(Map.of("id", s("c")));
        assertThat(client.scan(r -> r.tableName("Few").limit(4)).hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void aPageEndsWithTheItemThatBringsTheDataReadToOneMegabyte() {
        QueryResponse exact = query("exact", null, null);
        assertThat(exact.scannedCount()).isEqualTo(4);
        assertThat(exact.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("exact"), "sk", AttributeValue.fromN("4")));
        QueryResponse rest = query("exact", null, exact.lastEvaluatedKey());
        assertThat(rest.scannedCount()).isEqualTo(1);
        assertThat(rest.hasLastEvaluatedKey()).isFalse();

        QueryResponse under = query("under", null, null);
        assertThat(under.scannedCount()).isEqualTo(5);
        assertThat(under.lastEvaluatedKey()).isEqualTo(Map.of("pk", s("under"), "sk", AttributeValue.fromN("5")));
    }
}
