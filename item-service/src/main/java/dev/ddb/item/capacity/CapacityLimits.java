package dev.ddb.item.capacity;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.TableDescription;

/**
 * Enforces the provisioned throughput of PROVISIONED tables and their global secondary indexes:
 * one read and one write {@link TokenBucket} each. An operation asks before it does its work
 * ({@link #checkRead}, {@link #checkWrite}: a bucket that is empty or in debt answers
 * ProvisionedThroughputExceededException) and is charged what it actually consumed after
 * ({@link #charge}), which may take a bucket into debt, as DynamoDB lets such a request through.
 * A write is throttled when the table or any of its global indexes is out of write capacity.
 * <p>
 * On-demand tables are not looked up at all. The buckets follow the table description the
 * operation works with, so an UpdateTable of the capacity applies with the next request.
 */
public final class CapacityLimits {

    public static final String TABLE_EXCEEDED = "The level of configured provisioned throughput for the table was exceeded."
            + " Consider increasing your provisioning level with the UpdateTable API.";
    public static final String INDEX_EXCEEDED = "The level of configured provisioned throughput for one or more global"
            + " secondary indexes of the table was exceeded. Consider increasing your provisioning level for the"
            + " under-provisioned global secondary indexes with the UpdateTable API";

    private final double burstSeconds;
    private final LongSupplier clock;
    private final Map<String, TableBuckets> tables = new ConcurrentHashMap<>();

    public CapacityLimits(double burstSeconds) {
        this(burstSeconds, System::nanoTime);
    }

    CapacityLimits(double burstSeconds, LongSupplier clock) {
        this.burstSeconds = burstSeconds;
        this.clock = clock;
    }

    public static DynamoDbException tableExceeded() {
        return new DynamoDbException("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                TABLE_EXCEEDED, 400);
    }

    public static DynamoDbException indexExceeded() {
        return new DynamoDbException("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                INDEX_EXCEEDED, 400);
    }

    /** Throws if the table (or the global index {@code indexName}, when not null) has no read capacity left. */
    public void checkRead(TableDescription table, String indexName) {
        TableBuckets buckets = buckets(table);
        if (buckets == null) {
            return;
        }
        long now = clock.getAsLong();
        if (indexName != null) {
            ReadWrite index = buckets.indexes.get(indexName);
            if (index != null && !index.read.available(now)) {
                throw indexExceeded();
            }
            return;
        }
        if (!buckets.table.read.available(now)) {
            throw tableExceeded();
        }
    }

    /** Whether a read of the table itself may go ahead now (BatchGetItem's keys, one by one). */
    public boolean canRead(TableDescription table) {
        TableBuckets buckets = buckets(table);
        return buckets == null || buckets.table.read.available(clock.getAsLong());
    }

    /** Throws if the table or one of its global indexes has no write capacity left. */
    public void checkWrite(TableDescription table) {
        TableBuckets buckets = buckets(table);
        if (buckets == null) {
            return;
        }
        long now = clock.getAsLong();
        if (!buckets.table.write.available(now)) {
            throw tableExceeded();
        }
        for (ReadWrite index : buckets.indexes.values()) {
            if (!index.write.available(now)) {
                throw indexExceeded();
            }
        }
    }

    /** Whether a write to the table may go ahead now (BatchWriteItem's requests, one by one). */
    public boolean canWrite(TableDescription table) {
        try {
            checkWrite(table);
            return true;
        } catch (DynamoDbException throttled) {
            return false;
        }
    }

    /**
     * Charges what an operation consumed: the table's units (with those of its local indexes, which
     * share the table's throughput) to the table, each global index's to that index.
     */
    public void charge(TableDescription table, CapacityUse use, boolean write) {
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

    /** The table's buckets, made or brought up to its current description; null when it is on demand. */
    private TableBuckets buckets(TableDescription table) {
        if (table.payPerRequest()) {
            return null;
        }
        TableBuckets buckets = tables.get(table.tableId());
        if (buckets == null) {
            buckets = tables.computeIfAbsent(table.tableId(), id -> new TableBuckets(table, burstSeconds, clock.getAsLong()));
        }
        if (buckets.description != table) {
            buckets.follow(table, burstSeconds, clock.getAsLong());
        }
        return buckets;
    }

    /** A read and a write bucket. */
    private static final class ReadWrite {
        final TokenBucket read;
        final TokenBucket write;

        ReadWrite(ProvisionedThroughputDescription throughput, double burstSeconds, long now) {
            read = new TokenBucket(units(throughput, false), burstSeconds, now);
            write = new TokenBucket(units(throughput, true), burstSeconds, now);
        }

        TokenBucket of(boolean write) {
            return write ? this.write : read;
        }

        void follow(ProvisionedThroughputDescription throughput, double burstSeconds, long now) {
            double readRate = units(throughput, false);
            double writeRate = units(throughput, true);
            if (read.rate() != readRate) {
                read.rate(readRate, burstSeconds, now);
            }
            if (write.rate() != writeRate) {
                write.rate(writeRate, burstSeconds, now);
            }
        }

        /** Units per second; none set (0) means no limit. */
        private static double units(ProvisionedThroughputDescription throughput, boolean write) {
            long units = throughput == null ? 0 : write ? throughput.writeCapacityUnits() : throughput.readCapacityUnits();
            return units <= 0 ? Double.POSITIVE_INFINITY : units;
        }
    }

    /** One table's buckets and those of its global indexes, following the table's description. */
    private static final class TableBuckets {
        final ReadWrite table;
        volatile Map<String, ReadWrite> indexes;
        volatile TableDescription description;

        TableBuckets(TableDescription description, double burstSeconds, long now) {
            this.table = new ReadWrite(description.provisionedThroughput(), burstSeconds, now);
            this.indexes = indexes(description, Map.of(), burstSeconds, now);
            this.description = description;
        }

        synchronized void follow(TableDescription changed, double burstSeconds, long now) {
            if (description == changed) {
                return;
            }
            table.follow(changed.provisionedThroughput(), burstSeconds, now);
            indexes = indexes(changed, indexes, burstSeconds, now);
            description = changed;
        }

        private static Map<String, ReadWrite> indexes(TableDescription description, Map<String, ReadWrite> existing,
                                                    double burstSeconds, long now) {
            Map<String, ReadWrite> indexes = new HashMap<>();
            for (GlobalSecondaryIndex index : description.globalSecondaryIndexes()) {
                ReadWrite bucket = existing.get(index.indexName());
                if (bucket == null) {
                    bucket = new ReadWrite(index.provisionedThroughput(), burstSeconds, now);
                } else {
                    bucket.follow(index.provisionedThroughput(), burstSeconds, now);
                }
                indexes.put(index.indexName(), bucket);
            }
            return Map.copyOf(indexes);
        }
    }
}
