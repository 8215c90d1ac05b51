package dev.ddb.common.metrics;

/**
 * Meter names: DynamoDB's CloudWatch metric names in Micrometer's convention (lower-case words
 * joined by dots, under {@code dynamodb.}), which Prometheus shows with underscores and its unit
 * suffix, e.g. SuccessfulRequestLatency = {@code dynamodb.successful.request.latency} =
 * {@code dynamodb_successful_request_latency_seconds}. The suite's own meters are under {@code ddb.}.
 * Tags: {@code table}, {@code operation}, {@code index}, never keys or values.
 */
public final class MeterNames {

    /** The prefix {@code management.metrics.enable.dynamodb=false} turns off. */
    public static final String PREFIX = "dynamodb";

    public static final String SUCCESSFUL_REQUEST_LATENCY = "dynamodb.successful.request.latency";
    /** Every request to an operation, answered with success or an error (CloudWatch counts them as SampleCount). */
    public static final String REQUESTS = "dynamodb.requests";
    public static final String USER_ERRORS = "dynamodb.user.errors";
    public static final String SYSTEM_ERRORS = "dynamodb.system.errors";
    public static final String CONDITIONAL_CHECK_FAILED_REQUESTS = "dynamodb.conditional.check.failed.requests";
    public static final String THROTTLED_REQUESTS = "dynamodb.throttled.requests";
    public static final String TRANSACTION_CONFLICT = "dynamodb.transaction.conflict";
    public static final String RETURNED_ITEM_COUNT = "dynamodb.returned.item.count";
    public static final String RETURNED_RECORDS_COUNT = "dynamodb.returned.records.count";
    public static final String CONSUMED_READ_CAPACITY_UNITS = "dynamodb.consumed.read.capacity.units";
    public static final String CONSUMED_WRITE_CAPACITY_UNITS = "dynamodb.consumed.write.capacity.units";
    public static final String PROVISIONED_READ_CAPACITY_UNITS = "dynamodb.provisioned.read.capacity.units";
    public static final String PROVISIONED_WRITE_CAPACITY_UNITS = "dynamodb.provisioned.write.capacity.units";
    public static final String READ_THROTTLE_EVENTS = "dynamodb.read.throttle.events";
    public static final String WRITE_THROTTLE_EVENTS = "dynamodb.write.throttle.events";
    public static final String TIME_TO_LIVE_DELETED_ITEM_COUNT = "dynamodb.time.to.live.deleted.item.count";

    public static final String OUTBOX_DEPTH = "ddb.outbox.depth";
    public static final String OUTBOX_AGE = "ddb.outbox.age";
    public static final String GROUP_COMMIT_BATCH_SIZE = "ddb.group.commit.batch.size";
    public static final String GROUP_COMMIT_FSYNC = "ddb.group.commit.fsync";
    public static final String CHECKPOINT_WRITERS_HELD = "ddb.checkpoint.writers.held";
    public static final String CHECKPOINT_FSYNC = "ddb.checkpoint.fsync";
    public static final String STREAM_PUBLISHING_LAG = "ddb.stream.publishing.lag";
    public static final String STORE_FILE_SIZE = "ddb.store.file.size";

    public static final String TABLE = "table";
    public static final String OPERATION = "operation";
    /** A global secondary index's name; empty for the table itself (CloudWatch: no GlobalSecondaryIndexName dimension). */
    public static final String INDEX = "index";

    private MeterNames() {
    }
}
