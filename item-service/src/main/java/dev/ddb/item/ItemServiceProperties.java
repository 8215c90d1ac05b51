package dev.ddb.item;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.ddb.item.storage.Durability;
import dev.ddb.item.storage.ItemStore;

/**
 * @param dataDir    where the item store file lives
 * @param durability SYNC: a write is acknowledged after its group commit reached the disk (the log's fdatasync);
 *                   ASYNC: acknowledged at once, logged every 100 ms: a crash loses up to the last 100 ms of writes
 * @param capacity   the enforcement of provisioned throughput and of on-demand maximums
 * @param pageCacheMib the item store's page cache in MiB (default {@value ItemStore#DEFAULT_PAGE_CACHE_MIB})
 */
@ConfigurationProperties("ddb.item")
public record ItemServiceProperties(Path dataDir, Durability durability, Capacity capacity, Integer pageCacheMib) {

    public ItemServiceProperties {
        if (pageCacheMib != null && pageCacheMib < 1) {
            throw new IllegalArgumentException("ddb.item.page-cache-mib (DDB_ITEM_PAGE_CACHE_MIB) must be at least 1, not " + pageCacheMib);
        }
    }

    /** The setting, or {@link ItemStore#DEFAULT_PAGE_CACHE_MIB} when unset. */
    public int pageCacheMibOrDefault() {
        return pageCacheMib == null ? ItemStore.DEFAULT_PAGE_CACHE_MIB : pageCacheMib;
    }

    /**
     * @param burstSeconds         how many seconds of unused provisioned capacity a table or index keeps
     *                             for bursts (DynamoDB: 300, the default)
     * @param onDemandBurstSeconds how many seconds of unused capacity under an OnDemandThroughput maximum
     *                             a table or index keeps (DynamoDB does not say; default 1)
     */
    public record Capacity(Double burstSeconds, Double onDemandBurstSeconds) {
    }

    public double onDemandBurstSeconds() {
        return capacity == null || capacity.onDemandBurstSeconds() == null ? 1 : capacity.onDemandBurstSeconds();
    }

    public double burstSeconds() {
        return capacity == null || capacity.burstSeconds() == null ? 300 : capacity.burstSeconds();
    }
}
