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
import dev.ddb.common.table.OnDemandThroughput;
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

    private static TableDescription onDemand(OnDemandThroughput maximums) {
        return provisioned(1, 1).withBilling(new BillingModeSummary(BillingMode.PAY_PER_REQUEST, Instant.EPOCH),
                ProvisionedThroughputDescription.onDemand()).withOnDemandThroughput(maximums);
    }

    @Test
    void anOnDemandMaximumAdmitsItsRateAfterOneSecondOfBurstThenAnswersThrottlingException() {
        TableDescription table = onDemand(new OnDemandThroughput(null, 10L));
        int admitted = 0;
        while (limits.canWrite(table)) {
            limits.charge(table, CapacityUse.ofTable("T", 1), true);
            admitted++;
        }
        assertThat(admitted).isEqualTo(10); // the default on-demand burst: 1 second
        assertThatThrownBy(() -> limits.checkWrite(table)).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.code()).isEqualTo("ThrottlingException");
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("Throughput exceeds the maximum OnDemandThroughput configured on table or index");
            assertThat(e.members().get("throttlingReasons").toString())
                    .isEqualTo("[{\"reason\":\"TableWriteMaxOnDemandThroughputExceeded\",\"resource\":\"" + table.tableArn() + "\"}]");
        });
        limits.checkRead(table, null); // no read maximum
        now += SECOND / 2;
        assertThat(limits.canWrite(table)).isTrue();
    }

    @Test
    void anOnDemandIndexMaximumThrottlesTheTablesWritesAndItsOwnReads() {
        GlobalSecondaryIndex index = new GlobalSecondaryIndex("byOwner", KeySchema.hashOnly("owner", ScalarAttributeType.S),
                null, IndexStatus.ACTIVE, null, ProvisionedThroughputDescription.onDemand(), 0, 0, "arn:index",
                new OnDemandThroughput(1L, 1L));
        TableDescription table = onDemand(null).withGlobalSecondaryIndexes(List.of(index));
        limits.charge(table, new CapacityUse("T", 1, Map.of("byOwner", 3.0), Map.of()), true);
        limits.charge(table, new CapacityUse("T", 0, Map.of("byOwner", 3.0), Map.of()), false);

        Throttle write = limits.writeThrottle(table).orElseThrow();
        assertThat(write.reason()).isEqualTo("IndexWriteMaxOnDemandThroughputExceeded");
        assertThat(write.resourceArn()).isEqualTo("arn:index");
        assertThat(write.cancellationCode()).isEqualTo("ThrottlingError");
        assertThat(write.cancellationMessage()).isEqualTo(Throttle.TRANSACTION_INDEX_THROTTLED);
        assertThat(limits.readThrottle(table, "byOwner").orElseThrow().reason()).isEqualTo("IndexReadMaxOnDemandThroughputExceeded");
        assertThat(limits.readThrottle(table, null)).isEmpty();
    }

    @Test
    void provisionedThrottlingNamesItsReasonAndResourceAndCancelsTransactionsWithItsCode() {
        TableDescription table = provisioned(1, 1);
        limits.charge(table, CapacityUse.ofTable("T", 5), false);

        Throttle read = limits.readThrottle(table, null).orElseThrow();
        assertThat(read.reason()).isEqualTo("TableReadProvisionedThroughputExceeded");
        assertThat(read.cancellationCode()).isEqualTo("ProvisionedThroughputExceeded");
        assertThat(read.cancellationMessage()).isEqualTo(CapacityLimits.TABLE_EXCEEDED);
        DynamoDbException error = read.exception();
        assertThat(error.code()).isEqualTo("ProvisionedThroughputExceededException");
        assertThat(error.members().get("ThrottlingReasons").get(0).get("reason").stringValue())
                .isEqualTo("TableReadProvisionedThroughputExceeded");
    }

    @Test
    void changingTheMaximumOrTheBillingModeAppliesAtOnce() {
        TableDescription capped = onDemand(new OnDemandThroughput(null, 1L));
        limits.charge(capped, CapacityUse.ofTable("T", 3), true);
        assertThat(limits.canWrite(capped)).isFalse();

        TableDescription raised = capped.withOnDemandThroughput(new OnDemandThroughput(null, 1000L));
        assertThat(limits.canWrite(raised)).isFalse(); // the new rate applies from now on
        now += SECOND / 100;
        assertThat(limits.canWrite(raised)).isTrue();

        TableDescription unlimited = capped.withOnDemandThroughput(null);
        limits.charge(raised, CapacityUse.ofTable("T", 10_000), true);
        assertThat(limits.canWrite(unlimited)).as("an on-demand table without maximums is not limited").isTrue();

        TableDescription provisioned = capped.withBilling(null, ProvisionedThroughputDescription.of(1, 1)).withOnDemandThroughput(null);
        assertThat(limits.canWrite(provisioned)).as("the debt of the last request is kept across the switch").isFalse();
    }

    @Test
    void aThrottledTransactionIsCancelledWithAReasonForEachActionOnTheThrottledTable() {
        Throttle throttle = new Throttle(true, false, true, "arn:t");
        List<Throttle> perAction = new java.util.ArrayList<>();
        perAction.add(null);
        perAction.add(throttle);
        DynamoDbException cancelled = dev.ddb.item.transaction.CancellationReasons.throttled(perAction);

        assertThat(cancelled.code()).isEqualTo("TransactionCanceledException");
        assertThat(cancelled.getMessage()).isEqualTo(
                "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ThrottlingError]");
        assertThat(cancelled.members().get("CancellationReasons").toString()).isEqualTo("[{\"Code\":\"None\"},"
                + "{\"Code\":\"ThrottlingError\",\"Message\":\"" + Throttle.TRANSACTION_TABLE_THROTTLED + "\"}]");
        assertThat(Throttle.TRANSACTION_TABLE_THROTTLED).isEqualTo("Throughput exceeds the current capacity of your table or index. "
                + "DynamoDB is automatically scaling your table or index so please try again shortly. If exceptions persist, "
                + "check if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html");
    }
}
