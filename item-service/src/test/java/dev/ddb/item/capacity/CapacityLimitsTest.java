package dev.ddb.item.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.BillingMode;
import dev.ddb.common.table.BillingModeSummary;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.support.TestTables;

class CapacityLimitsTest {

    private static final long SECOND = 1_000_000_000L;

    private long now = 0;
    private final CapacityLimits limits = new CapacityLimits(2, () -> now);

    private static TableDescription provisioned(long read, long write) {
        return TestTables.table("T", "t-1", KeySchema.hashOnly("id", ScalarAttributeType.S))
                .withBilling(null, ProvisionedThroughputDescription.of(read, write));
    }

    @Test
    void aProvisionedTableKeepsItsBurstThenAdmitsItsRate() {
        TableDescription table = provisioned(5, 10);
        int admitted = 0;
        while (limits.canWrite(table)) {
            limits.charge(table, CapacityUse.ofTable("T", 1), true);
            admitted++;
        }
        assertThat(admitted).isEqualTo(20); // 2 seconds of 10 WCU
        assertThatThrownBy(() -> limits.checkWrite(table)).isInstanceOf(DynamoDbException.class)
                .hasMessage(CapacityLimits.TABLE_EXCEEDED)
                .extracting(e -> ((DynamoDbException) e).code()).isEqualTo("ProvisionedThroughputExceededException");
        now += SECOND;
        admitted = 0;
        while (limits.canWrite(table)) {
            limits.charge(table, CapacityUse.ofTable("T", 1), true);
            admitted++;
        }
        assertThat(admitted).isEqualTo(10);
        limits.checkRead(table, null); // reads have their own bucket
    }

    @Test
    void aRequestMayTakeTheBucketIntoDebtWhichRejectsUntilRepaid() {
        TableDescription table = provisioned(1, 1);
        limits.checkWrite(table);
        limits.charge(table, CapacityUse.ofTable("T", 5), true); // 2 in the bucket, 3 in debt
        now += 2 * SECOND;
        assertThat(limits.canWrite(table)).isFalse();
        now += 2 * SECOND;
        assertThat(limits.canWrite(table)).isTrue();
    }

    @Test
    void aGlobalIndexOutOfWriteCapacityThrottlesTheTablesWrites() {
        GlobalSecondaryIndex index = new GlobalSecondaryIndex("byOwner", KeySchema.hashOnly("owner", ScalarAttributeType.S),
                null, IndexStatus.ACTIVE, null, ProvisionedThroughputDescription.of(100, 1), 0, 0, "arn");
        TableDescription table = provisioned(100, 100).withGlobalSecondaryIndexes(List.of(index));
        limits.charge(table, new CapacityUse("T", 1, Map.of("byOwner", 3.0), Map.of()), true);
        assertThatThrownBy(() -> limits.checkWrite(table)).hasMessage(CapacityLimits.INDEX_EXCEEDED);
        limits.checkRead(table, "byOwner");
    }

    @Test
    void anUpdatedDescriptionChangesTheRateAtOnce() {
        TableDescription table = provisioned(1, 1);
        limits.charge(table, CapacityUse.ofTable("T", 3), true);
        assertThat(limits.canWrite(table)).isFalse();
        TableDescription raised = table.withBilling(null, ProvisionedThroughputDescription.of(1, 1000));
        assertThat(limits.canWrite(raised)).isFalse(); // the new rate applies from now on
        now += SECOND / 100; // 10 units at the new rate, 0.01 at the old one
        assertThat(limits.canWrite(raised)).isTrue();
    }

    @Test
    void onDemandTablesAreNotLimited() {
        TableDescription table = provisioned(1, 1).withBilling(new BillingModeSummary(BillingMode.PAY_PER_REQUEST, Instant.EPOCH),
                ProvisionedThroughputDescription.onDemand());
        for (int i = 0; i < 100; i++) {
            limits.checkWrite(table);
            limits.charge(table, CapacityUse.ofTable("T", 10), true);
        }
    }
}
