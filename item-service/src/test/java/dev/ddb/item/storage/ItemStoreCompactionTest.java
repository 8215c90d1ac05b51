package dev.ddb.item.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

/**
 * Overwriting the same items again and again must not grow the store file without bound. Chunk
 * retention is 0 here so the outcome does not depend on how fast the machine commits.
 */
class ItemStoreCompactionTest {

    private static final MasterKey KEY = MasterKey.generate();

    @TempDir
    Path dir;

    @Test
    void overwritesDoNotGrowTheFileWithoutBound() {
        TableDescription table = TestTables.table("T", "t", KeySchema.hashOnly("id", ScalarAttributeType.N));
        String payload = "x".repeat(1000);
        long afterFirstPass = 0;
        try (ItemStore store = new ItemStore(dir, KEY, Durability.SYNC, 200, 0, 0)) {
            store.createTable(table);
            for (int pass = 0; pass < 40; pass++) {
                for (int i = 0; i < 200; i++) {
                    AttributeValue id = new AttributeValue.N(BigDecimal.valueOf(i));
                    Map<String, AttributeValue> item = Map.of("id", id, "p", new AttributeValue.S(payload + pass));
                    store.apply(java.util.List.of(new StoreWrite(table, KeyEncoding.encode(id, null), item, java.util.List.of(), "k",
                            seq -> new ItemChange("T", "t", seq, "MODIFY", Map.of("id", id), null, item, 0, 0, null))));
                    store.awaitDurable();
                }
                store.removeFromOutbox(store.durableOutbox(10_000));
                if (pass == 0) {
                    afterFirstPass = store.fileSize();
                }
            }
            assertThat(store.outboxSize()).isZero();
            assertThat(store.fileSize()).as("file after 40 passes vs after 1").isLessThan(afterFirstPass * 6);
            assertThat(store.get(table, KeyEncoding.encode(new AttributeValue.N(BigDecimal.ONE), null)).get("p"))
                    .isEqualTo(new AttributeValue.S(payload + 39));
        }
        try (ItemStore reopened = new ItemStore(dir, KEY, Durability.SYNC)) {
            assertThat(reopened.schemas()).extracting(TableDescription::tableName).isEqualTo(List.of("T"));
        }
    }
}
