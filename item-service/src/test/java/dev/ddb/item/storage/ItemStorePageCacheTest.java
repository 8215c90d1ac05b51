package dev.ddb.item.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.common.encryption.MasterKey;
import dev.ddb.item.ItemServiceProperties;

class ItemStorePageCacheTest {

    private static final MasterKey KEY = MasterKey.generate();

    @TempDir
    Path dir;

    @Test
    void theStoreHasThePageCacheItIsGiven() {
        try (ItemStore store = new ItemStore(dir.resolve("a"), KEY, Durability.SYNC)) {
            assertThat(store.pageCacheMiB()).isEqualTo(ItemStore.DEFAULT_PAGE_CACHE_MIB);
        }
        try (ItemStore store = new ItemStore(dir.resolve("b"), KEY, Durability.SYNC, 64)) {
            assertThat(store.pageCacheMiB()).isEqualTo(64);
        }
    }

    @Test
    void theSettingDefaultsToSixteenMiBAndRefusesLessThanOne() {
        assertThat(new ItemServiceProperties(dir, Durability.SYNC, null, null).pageCacheMibOrDefault()).isEqualTo(16);
        assertThat(new ItemServiceProperties(dir, Durability.SYNC, null, 48).pageCacheMibOrDefault()).isEqualTo(48);
        assertThatThrownBy(() -> new ItemServiceProperties(dir, Durability.SYNC, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DDB_ITEM_PAGE_CACHE_MIB");
    }
}
