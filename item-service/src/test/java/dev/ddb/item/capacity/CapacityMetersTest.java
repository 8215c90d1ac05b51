package dev.ddb.item.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.metrics.MeterNames;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.metrics.CapacityMeters;
import dev.ddb.item.support.TestTables;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What CapacityLimits is told lands on the table's and each global index's meters, as CloudWatch counts them. */
class CapacityMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private long now = 0;
    private final CapacityLimits limits = new CapacityLimits(1, () -> now).observedBy(new CapacityMeters(registry));

    private final GlobalSecondaryIndex byOwner = new GlobalSecondaryIndex("byOwner", KeySchema.hashOnly("owner", ScalarAttributeType.S),
            null, IndexStatus.ACTIVE, null, ProvisionedThroughputDescription.of(5, 1), 0, 0, "arn");
    private final TableDescription table = TestTables.table("T", "t-1", KeySchema.hashOnly("id", ScalarAttributeType.S))
            .withBilling(null, ProvisionedThroughputDescription.of(5, 5))
            .withGlobalSecondaryIndexes(List.of(byOwner));

    private double count(String name, String index) {
        var counter = registry.find(name).tags(MeterNames.TABLE, "T", MeterNames.INDEX, index).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void localIndexesCountWithTheTableAndGlobalOnesOnTheirOwn() {
        limits.charge(table, new CapacityUse("T", 2, Map.of("byOwner", 3.0), Map.of("byDate", 1.0)), true);
        limits.charge(table, CapacityUse.ofTable("T", 0.5), false);
        assertThat(count(MeterNames.CONSUMED_WRITE_CAPACITY_UNITS, "")).isEqualTo(3);
        assertThat(count(MeterNames.CONSUMED_WRITE_CAPACITY_UNITS, "byOwner")).isEqualTo(3);
        assertThat(count(MeterNames.CONSUMED_READ_CAPACITY_UNITS, "")).isEqualTo(0.5);
    }

    @Test
    void aBatchsEstimateIsNotCountedOnlyWhatItConsumed() {
        CapacityUse estimate = CapacityUse.ofTable("T", 4);
        limits.reserve(table, estimate, true);
        limits.settle(table, CapacityUse.ofTable("T", 1), estimate, true);
        assertThat(count(MeterNames.CONSUMED_WRITE_CAPACITY_UNITS, "")).isEqualTo(1);
    }

    @Test
    void eachThrottledEventCountsOnTheResourceThatThrottledIt() {
        limits.charge(table, new CapacityUse("T", 1, Map.of("byOwner", 2.0), Map.of()), true);
        assertThat(limits.canWrite(table)).isFalse(); // the index is in debt
        limits.exceeded(table, true); // the batch's error: the event was counted already
        assertThat(count(MeterNames.WRITE_THROTTLE_EVENTS, "byOwner")).isEqualTo(1);
        assertThat(count(MeterNames.WRITE_THROTTLE_EVENTS, "")).isZero();
        limits.charge(table, CapacityUse.ofTable("T", 6), false);
        assertThat(limits.readThrottle(table, null)).isPresent();
        assertThat(count(MeterNames.READ_THROTTLE_EVENTS, "")).isEqualTo(1);
    }
}
