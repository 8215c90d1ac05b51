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
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchGetItem's capacity counts every key, found or not; its response stops short of 16 MB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchGetItemLimitsTest {

    /** Just under the 400 KB item limit: 40 fit in 16 MB, the 41st does not. */
    private static final int LARGE_ITEM_BYTES = 409_500;
    private static final int LARGE_ITEMS = 42;

    @TempDir
    static Path dataDir;

    private RunningItemService service;
    private DynamoDbClient client;

    @BeforeAll
    void start() {
        service = RunningItemService.start(dataDir);
        client = service.client();
        service.provision("Small", "id", "S", null, null);
        service.provision("Large", "id", "S", null, null);
        client.putItem(r -> r.tableName("Small").item(Map.of("id", s("there"))));
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < LARGE_ITEMS; i++) {
            String id = String.format("%02d", i);
            // names and values: "id" + 2 + "blob" + the blob
            Map<String, AttributeValue> item = Map.of("id", s(id), "blob", s("x".repeat(LARGE_ITEM_BYTES - 8)));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (writes.size() == 25 || i == LARGE_ITEMS - 1) {
                List<WriteRequest> batch = writes;
                client.batchWriteItem(r -> r.requestItems(Map.of("Large", batch)));
                writes = new ArrayList<>();
            }
        }
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private double capacity(boolean consistentRead, String... ids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : ids) {
            keys.add(Map.of("id", s(id)));
        }
        BatchGetItemResponse response = client.batchGetItem(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .requestItems(Map.of("Small", KeysAndAttributes.builder().keys(keys).consistentRead(consistentRead).build())));
        return response.consumedCapacity().get(0).capacityUnits();
    }

    @Test
    void aMissingKeyCostsARead() {
        assertThat(capacity(false, "absent")).isEqualTo(0.5);
        assertThat(capacity(true, "absent")).isEqualTo(1.0);
        assertThat(capacity(false, "absent", "gone", "there")).isEqualTo(1.5);
        assertThat(capacity(true, "absent", "there")).isEqualTo(2.0);
    }

    @Test
    void keysPastSixteenMegabytesOfResponseComeBackUnprocessed() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < LARGE_ITEMS; i++) {
            keys.add(Map.of("id", s(String.format("%02d", i))));
        }
        BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(Map.of("Large",
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
        List<Map<String, AttributeValue>> got = response.responses().get("Large");
        List<Map<String, AttributeValue>> unprocessed = response.unprocessedKeys().get("Large").keys();
        assertThat(got).hasSize(40);
        assertThat(unprocessed).containsExactlyElementsOf(keys.subList(40, LARGE_ITEMS));
        assertThat(response.unprocessedKeys().get("Large").consistentRead()).isTrue();
    }
}
