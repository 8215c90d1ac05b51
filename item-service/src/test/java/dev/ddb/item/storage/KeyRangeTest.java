package dev.ddb.item.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.key.KeyEncoding;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.support.TestTables;

class KeyRangeTest {

    private static final MasterKey KEY = MasterKey.generate();

    @TempDir
    Path dir;

    private ItemStore store;
    private final TableDescription table = TestTables.table("T", "id-1",
            new KeySchema("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N));

    private static AttributeValue s(String v) {
        return new AttributeValue.S(v);
    }

    private static AttributeValue n(int v) {
        return new AttributeValue.N(BigDecimal.valueOf(v));
    }

    @BeforeEach
    void fill() {
        store = new ItemStore(dir, KEY, Durability.ASYNC);
        store.createTable(table);
        for (String pk : List.of("a", "b", "c")) {
            for (int sk = -3; sk <= 3; sk++) {
                Map<String, AttributeValue> item = Map.of("pk", s(pk), "sk", n(sk));
                store.apply(java.util.List.of(new StoreWrite(table, KeyEncoding.encode(s(pk), n(sk)), item, java.util.List.of(), "k", seq -> new ItemChange(
                        "T", "id-1", seq, "INSERT", item, null, item, 0, 0, null))));
            }
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> read(KeyRange range, boolean forward, byte[] exclusiveStart) {
        List<String> keys = new ArrayList<>();
        Iterator<StoredItem> it = store.range(table, range, forward, exclusiveStart);
        while (it.hasNext()) {
            Map<String, AttributeValue> item = it.next().item();
            keys.add(((AttributeValue.S) item.get("pk")).value() + ((AttributeValue.N) item.get("sk")).text());
        }
        return keys;
    }

    @Test
    void aPartitionReadsInSortKeyOrderBothWays() {
        KeyRange b = KeyRange.withPrefix(KeyEncoding.partitionPrefix(s("b")));
        assertThat(read(b, true, null)).containsExactly("b-3", "b-2", "b-1", "b0", "b1", "b2", "b3");
        assertThat(read(b, false, null)).containsExactly("b3", "b2", "b1", "b0", "b-1", "b-2", "b-3");
    }

    @Test
    void boundsAndExclusiveStartNarrowTheRange() {
        byte[] prefix = KeyEncoding.partitionPrefix(s("b"));
        KeyRange between = new KeyRange(prefix, KeyEncoding.encode(s("b"), n(-1)), true, KeyEncoding.encode(s("b"), n(2)), false);
        assertThat(read(between, true, null)).containsExactly("b-1", "b0", "b1");
        assertThat(read(between, false, null)).containsExactly("b1", "b0", "b-1");
        assertThat(read(between, true, KeyEncoding.encode(s("b"), n(0)))).containsExactly("b1");
        assertThat(read(between, false, KeyEncoding.encode(s("b"), n(0)))).containsExactly("b-1");
    }

    @Test
    void aScanReadsEverythingAndResumes() {
        assertThat(read(KeyRange.all(), true, null)).hasSize(21).startsWith("a-3").endsWith("c3");
        assertThat(read(KeyRange.all(), true, KeyEncoding.encode(s("b"), n(3)))).hasSize(7).startsWith("c-3");
    }
}
