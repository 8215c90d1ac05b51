package dev.ddb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class JsonScanTest {

    @Test
    void getItemHasAnItemOnlyWhenItIsANonEmptyObject() {
        assertTrue(JsonScan.nonEmptyObject(json("{\"Item\":{\"pk\":{\"S\":\"user0000000001\"}}}"), "Item"));
        assertTrue(JsonScan.nonEmptyObject(json("{ \"Item\" : { \"pk\" : {\"S\":\"a\"} } }"), "Item"));
        assertFalse(JsonScan.nonEmptyObject(json("{}"), "Item"));
        assertFalse(JsonScan.nonEmptyObject(json("{\"Item\":{}}"), "Item"));
        assertFalse(JsonScan.nonEmptyObject(json("{\"Item\": { } }"), "Item"));
    }

    @Test
    void readsTheCount() {
        assertEquals(10, JsonScan.number(json("{\"Count\":10,\"Items\":[],\"ScannedCount\":10}"), "Count"));
        assertEquals(7, JsonScan.number(json("{\"Items\":[], \"Count\" : 7}"), "Count"));
        assertEquals(-1, JsonScan.number(json("{\"ScannedCount\":10}"), "Count"), "ScannedCount is not Count");
        assertEquals(-1, JsonScan.number(json("{\"Count\":\"x\"}"), "Count"));
    }

    @Test
    void batchWriteItemLeftNothingUnprocessed() {
        assertTrue(JsonScan.emptyObjectOrAbsent(json("{\"UnprocessedItems\":{}}"), "UnprocessedItems"));
        assertTrue(JsonScan.emptyObjectOrAbsent(json("{}"), "UnprocessedItems"));
        assertFalse(JsonScan.emptyObjectOrAbsent(json("{\"UnprocessedItems\":{\"bench_kv\":[{\"PutRequest\":{}}]}}"), "UnprocessedItems"));
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
