package dev.ddb.item.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.EncryptedMVStore;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.TableDescription;

class StoredTableFormatTest {

    private static final MasterKey KEY = MasterKey.generate();

    @TempDir
    Path dataDir;

    @Test
    void aStoreWrittenBeforeSecondaryIndexesOpensWithItsTables() {
        // The format item-service wrote before tables were kept as TableDescriptions.
        MVStore old = EncryptedMVStore.open(dataDir.resolve("items.mv.db"), KEY, builder -> builder);
        MVMap<String, byte[]> tables = old.openMap("tables");
        tables.put("Music", ("{\"TableName\":\"Music\",\"TableId\":\"4f2a0c1e-0000-4000-8000-000000000001\","
                + "\"HashKey\":\"Artist\",\"HashKeyType\":\"S\",\"RangeKey\":\"Year\",\"RangeKeyType\":\"N\"}")
                .getBytes(StandardCharsets.UTF_8));
        old.commit();
        old.close();

        try (ItemStore store = new ItemStore(dataDir, KEY, Durability.ASYNC)) {
            TableDescription music = store.schema("Music");
            assertThat(music.tableId()).isEqualTo("4f2a0c1e-0000-4000-8000-000000000001");
            assertThat(music.keySchema().hashKey()).isEqualTo("Artist");
            assertThat(music.keySchema().hashKeyType()).isEqualTo(ScalarAttributeType.S);
            assertThat(music.keySchema().rangeKey()).isEqualTo("Year");
            assertThat(music.keySchema().rangeKeyType()).isEqualTo(ScalarAttributeType.N);
            assertThat(music.globalSecondaryIndexes()).isEmpty();
        }
    }
}
