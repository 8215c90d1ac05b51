package dev.ddb.item.metrics;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ddb.common.metrics.MeterNames;
import dev.ddb.common.metrics.StoreFileSize;
import dev.ddb.item.ItemServiceProperties;
import dev.ddb.item.capacity.CapacityLimits;
import dev.ddb.item.storage.GroupCommitObserver;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.ttl.ExpirySweeper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * item-service's meters beside the per-request ones: consumed capacity and throttle events,
 * provisioned capacity, TTL deletes, the outbox, group commits and the store's size.
 * {@code management.metrics.enable.dynamodb=false} leaves out the DynamoDB-named ones (and their cost).
 */
@Configuration(proxyBeanMethods = false)
class ItemServiceMetrics {

    /** How often the provisioned-capacity gauges follow created, updated and deleted tables. */
    private static final long PROVISIONED_REFRESH_SECONDS = 2;

    /** Not an Executor bean: one would take the place of Spring Boot's applicationTaskExecutor. */
    record Refresher(ScheduledExecutorService executor) implements AutoCloseable {
        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    @Bean(destroyMethod = "close")
    Refresher itemServiceMeters(MeterRegistry registry, ItemStore store, CapacityLimits limits,
                                               ExpirySweeper sweeper, ItemServiceProperties properties,
                                               @Value("${management.metrics.enable.dynamodb:true}") boolean metered) {
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "item-service-meters");
            thread.setDaemon(true);
            return thread;
        });
        if (metered) {
            limits.observedBy(new CapacityMeters(registry));
            ProvisionedCapacityGauges provisioned = new ProvisionedCapacityGauges(registry, store::schemas);
            refresher.scheduleWithFixedDelay(provisioned::refresh, 0, PROVISIONED_REFRESH_SECONDS, TimeUnit.SECONDS);
            sweeper.onDeleted((table, count) -> Counter.builder(MeterNames.TIME_TO_LIVE_DELETED_ITEM_COUNT)
                    .tag(MeterNames.TABLE, table.tableName())
                    .description("TimeToLiveDeletedItemCount: expired items deleted by Time to Live")
                    .register(registry).increment(count));
        }
        OutboxMeters.bind(registry, store);
        DistributionSummary batchSize = DistributionSummary.builder(MeterNames.GROUP_COMMIT_BATCH_SIZE).baseUnit("changes")
                .description("Changes made durable by one group commit (one write-ahead-log fdatasync)").register(registry);
        Timer fsync = Timer.builder(MeterNames.GROUP_COMMIT_FSYNC)
                .description("Time a group commit took to write and fdatasync the write-ahead log")
                .publishPercentileHistogram().register(registry);
        Timer checkpointHeld = Timer.builder(MeterNames.CHECKPOINT_WRITERS_HELD)
                .description("Time writers waited while a checkpoint committed the MVStore (before its fsync)")
                .publishPercentileHistogram().register(registry);
        Timer checkpointSync = Timer.builder(MeterNames.CHECKPOINT_FSYNC)
                .description("Time a checkpoint's fsync of the MVStore file took (writers go on meanwhile)")
                .publishPercentileHistogram().register(registry);
        store.observeGroupCommits(new GroupCommitObserver() {
            @Override
            public void groupCommitted(long changes, int bytes, long syncNanos) {
                batchSize.record(changes);
                fsync.record(syncNanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void checkpointed(long writersHeldNanos, long syncNanos) {
                checkpointHeld.record(writersHeldNanos, TimeUnit.NANOSECONDS);
                checkpointSync.record(syncNanos, TimeUnit.NANOSECONDS);
            }
        });
        StoreFileSize.bind(registry, properties.dataDir());
        return new Refresher(refresher);
    }
}
