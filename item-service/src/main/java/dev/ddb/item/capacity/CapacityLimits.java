package dev.ddb.item.capacity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.OnDemandThroughput;
import dev.ddb.common.table.TableDescription;

/**
 * Enforces the throughput of tables and their global secondary indexes: the provisioned units of a
 * PROVISIONED table, the OnDemandThroughput maximums of a PAY_PER_REQUEST one. One read and one
 * write {@link TokenBucket} each. An operation asks before it does its work ({@link #checkRead},
 * {@link #checkWrite}: a bucket that is empty or in debt answers the {@link Throttle}'s error) and is
 * charged what it actually consumed after ({@link #charge}), which may take a bucket into debt, as
 * DynamoDB lets such a request through. A write is throttled when the table or any of its global
 * indexes is out of write capacity.
 * <p>
 * A provisioned bucket keeps up to {@code burstSeconds} of unused units (DynamoDB: 300); an on-demand
 * maximum keeps {@code onDemandBurstSeconds} (DynamoDB says its maximums are applied "on a
 * best-effort basis" and burst capacity may exceed them for a while, without saying how much; this
 * server keeps 1 second by default). An on-demand table without maximums is not looked up at all.
 * The buckets follow the table description the operation works with, so an UpdateTable of the
 * capacity, the maximums or the billing mode applies with the next request.
 */
public final class CapacityLimits {

    public static final String TABLE_EXCEEDED = Throttle.TABLE_EXCEEDED;
    public static final String INDEX_EXCEEDED = Throttle.INDEX_EXCEEDED;

    private final double burstSeconds;
    private final double onDemandBurstSeconds;
    private final LongSupplier clock;
    private final Map<String, TableBuckets> tables = new ConcurrentHashMap<>();
    private volatile CapacityObserver observer = CapacityObserver.NONE;

    public CapacityLimits(double burstSeconds) {
        this(burstSeconds, 1, System::nanoTime);
    }

    public CapacityLimits(double burstSeconds, double onDemandBurstSeconds) {
        this(burstSeconds, onDemandBurstSeconds, System::nanoTime);
    }

    CapacityLimits(double burstSeconds, LongSupplier clock) {
        this(burstSeconds, 1, clock);
    }

    CapacityLimits(double burstSeconds, double onDemandBurstSeconds, LongSupplier clock) {
        this.burstSeconds = burstSeconds;
        this.onDemandBurstSeconds = onDemandBurstSeconds;
        this.clock = clock;
    }

    /** Tells {@code observer} what every request consumes and every throttle event (metrics). */
    public CapacityLimits observedBy(CapacityObserver observer) {
        this.observer = observer;
        return this;
    }

    /** ProvisionedThroughputExceededException for a table, without ThrottlingReasons. */
    public static DynamoDbException tableExceeded() {
        return new DynamoDbException("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                TABLE_EXCEEDED, 400);
    }

    /** Throws if the table (or the global index {@code indexName}, when not null) has no read capacity left. */
    public void checkRead(TableDescription table, String indexName) {
        Optional<Throttle> throttle = readThrottle(table, indexName);
        if (throttle.isPresent()) {
            throw throttle.get().exception();
        }
    }

    /** Why a read of the table (or of its global index {@code indexName}) would be throttled now, if it would. */
    public Optional<Throttle> readThrottle(TableDescription table, String indexName) {
        return readThrottle(table, indexName, observer);
    }

    private Optional<Throttle> readThrottle(TableDescription table, String indexName, CapacityObserver observer) {
        TableBuckets buckets = buckets(table);
        if (buckets == null) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        if (indexName != null) {
            ReadWrite index = buckets.indexes.get(indexName);
            if (index != null && !index.read.available(now)) {
                observer.throttled(table, indexName, false);
                return Optional.of(new Throttle(table.payPerRequest(), true, false, indexArn(table, indexName)));
            }
            return Optional.empty();
        }
        if (!buckets.table.read.available(now)) {
            observer.throttled(table, null, false);
            return Optional.of(new Throttle(table.payPerRequest(), false, false, table.tableArn()));
        }
        return Optional.empty();
    }

    /** Whether a read of the table itself may go ahead now (BatchGetItem's keys, one by one). */
    public boolean canRead(TableDescription table) {
        return readThrottle(table, null).isEmpty();
    }

    /** Throws if the table or one of its global indexes has no write capacity left. */
    public void checkWrite(TableDescription table) {
        Optional<Throttle> throttle = writeThrottle(table);
        if (throttle.isPresent()) {
            throw throttle.get().exception();
        }
    }

    /** Why a write to the table would be throttled now (the table's capacity, then its global indexes'), if it would. */
    public Optional<Throttle> writeThrottle(TableDescription table) {
        return writeThrottle(table, observer);
    }

    private Optional<Throttle> writeThrottle(TableDescription table, CapacityObserver observer) {
        TableBuckets buckets = buckets(table);
        if (buckets == null) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        if (!buckets.table.write.available(now)) {
            observer.throttled(table, null, true);
            return Optional.of(new Throttle(table.payPerRequest(), false, true, table.tableArn()));
        }
        for (Map.Entry<String, ReadWrite> index : buckets.indexes.entrySet()) {
            if (!index.getValue().write.available(now)) {
                observer.throttled(table, index.getKey(), true);
                return Optional.of(new Throttle(table.payPerRequest(), true, true, indexArn(table, index.getKey())));
            }
        }
        return Optional.empty();
    }

    /** Whether a write to the table may go ahead now (BatchWriteItem's requests, one by one). */
    public boolean canWrite(TableDescription table) {
        return writeThrottle(table).isEmpty();
    }

    /** The error of a batch that could do nothing because this table was throttled. */
    public DynamoDbException exceeded(TableDescription table, boolean write) {
        // not counted again: canRead/canWrite counted the events
        Optional<Throttle> throttle = write ? writeThrottle(table, CapacityObserver.NONE) : readThrottle(table, null, CapacityObserver.NONE);
        return throttle.map(Throttle::exception)
                .orElseGet(() -> new Throttle(table.payPerRequest(), false, write, table.tableArn()).exception());
    }

    /**
     * Charges what an operation consumed: the table's units (with those of its local indexes, which
     * share the table's throughput) to the table, each global index's to that index.
     */
    public void charge(TableDescription table, CapacityUse use, boolean write) {
        observer.consumed(table, use, write);
        reserve(table, use, write);
    }

    /**
     * Charges the buckets without counting the units as consumed: a batch's estimate, taken before
     * its writes so the next one sees it; {@link #settle} then counts what they consumed.
     */
    public void reserve(TableDescription table, CapacityUse use, boolean write) {
        TableBuckets buckets = buckets(table);
        if (buckets == null) {
            return;
        }
        long now = clock.getAsLong();
        double tableUnits = use.tableUnits();
        for (double units : use.localIndexes().values()) {
            tableUnits += units;
        }
        if (tableUnits != 0) {
            buckets.table.of(write).charge(tableUnits, now);
        }
        use.globalIndexes().forEach((indexName, units) -> {
            ReadWrite index = buckets.indexes.get(indexName);
            if (index != null) {
                index.of(write).charge(units, now);
            }
        });
    }

    /** Counts what was consumed and charges the buckets the difference to what {@link #reserve} took for it. */
    public void settle(TableDescription table, CapacityUse consumed, CapacityUse reserved, boolean write) {
        observer.consumed(table, consumed, write);
        reserve(table, consumed.plus(reserved.times(-1)), write);
    }

    private static String indexArn(TableDescription table, String indexName) {
        return table.globalIndex(indexName).map(GlobalSecondaryIndex::indexArn).orElse(table.tableArn() + "/index/" + indexName);
    }

    /** Whether the table is limited at all: provisioned, or on demand with a maximum somewhere. */
    private static boolean limited(TableDescription table) {
        if (!table.payPerRequest()) {
            return true;
        }
        if (table.onDemandThroughput() != null) {
            return true;
        }
        return table.globalSecondaryIndexes().stream().anyMatch(index -> index.onDemandThroughput() != null);
    }

    /** The table's buckets, made or brought up to its current description; null when it is not limited. */
    private TableBuckets buckets(TableDescription table) {
        if (!limited(table)) {
            return null;
        }
        TableBuckets buckets = tables.get(table.tableId());
        if (buckets == null) {
            buckets = tables.computeIfAbsent(table.tableId(), id -> new TableBuckets(table, this, clock.getAsLong()));
        }
        if (buckets.description != table) {
            buckets.follow(table, this, clock.getAsLong());
        }
        return buckets;
    }

    private double burst(TableDescription table) {
        return table.payPerRequest() ? onDemandBurstSeconds : burstSeconds;
    }

    /** Units per second of a limit; none set (0, or no maximum) means no limit. */
    private static double rate(Long units) {
        return units == null || units <= 0 ? Double.POSITIVE_INFINITY : units;
    }

    /** A read and a write bucket. */
    private static final class ReadWrite {
        final TokenBucket read;
        final TokenBucket write;

        ReadWrite(double readRate, double writeRate, double burstSeconds, long now) {
            read = new TokenBucket(readRate, burstSeconds, now);
            write = new TokenBucket(writeRate, burstSeconds, now);
        }

        TokenBucket of(boolean write) {
            return write ? this.write : read;
        }

        void follow(double readRate, double writeRate, double burstSeconds, long now) {
            read.follow(readRate, burstSeconds, now);
            write.follow(writeRate, burstSeconds, now);
        }
    }

    /** The read and write rates of the table itself, or of one global index, under the table's billing mode. */
    private static double[] rates(TableDescription table, GlobalSecondaryIndex index) {
        if (table.payPerRequest()) {
            OnDemandThroughput maximums = index == null ? table.onDemandThroughput() : index.onDemandThroughput();
            return new double[] {rate(OnDemandThroughput.maxRead(maximums)), rate(OnDemandThroughput.maxWrite(maximums))};
        }
        var throughput = index == null ? table.provisionedThroughput() : index.provisionedThroughput();
        return throughput == null ? new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}
                : new double[] {rate(throughput.readCapacityUnits()), rate(throughput.writeCapacityUnits())};
    }

    /** One table's buckets and those of its global indexes, following the table's description. */
    private static final class TableBuckets {
        final ReadWrite table;
        volatile Map<String, ReadWrite> indexes;
        volatile TableDescription description;

        TableBuckets(TableDescription description, CapacityLimits limits, long now) {
            double[] rates = rates(description, null);
            this.table = new ReadWrite(rates[0], rates[1], limits.burst(description), now);
            this.indexes = indexes(description, Map.of(), limits.burst(description), now);
            this.description = description;
        }

        synchronized void follow(TableDescription changed, CapacityLimits limits, long now) {
            if (description == changed) {
                return;
            }
            double burst = limits.burst(changed);
            double[] rates = rates(changed, null);
            table.follow(rates[0], rates[1], burst, now);
            indexes = indexes(changed, indexes, burst, now);
            description = changed;
        }

        private static Map<String, ReadWrite> indexes(TableDescription description, Map<String, ReadWrite> existing,
                                                    double burstSeconds, long now) {
            Map<String, ReadWrite> indexes = new HashMap<>();
            for (GlobalSecondaryIndex index : description.globalSecondaryIndexes()) {
                double[] rates = rates(description, index);
                ReadWrite bucket = existing.get(index.indexName());
                if (bucket == null) {
                    bucket = new ReadWrite(rates[0], rates[1], burstSeconds, now);
                } else {
                    bucket.follow(rates[0], rates[1], burstSeconds, now);
                }
                indexes.put(index.indexName(), bucket);
            }
            return Map.copyOf(indexes);
        }
    }
}
