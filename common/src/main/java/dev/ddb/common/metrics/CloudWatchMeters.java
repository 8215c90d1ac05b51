package dev.ddb.common.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.protocol.OperationDispatcher;
import dev.ddb.common.protocol.OperationObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The per-request meters named after DynamoDB's CloudWatch metrics, per operation and table:
 * SuccessfulRequestLatency, the request count, UserErrors, SystemErrors, ThrottledRequests,
 * ConditionalCheckFailedRequests, TransactionConflict, ReturnedItemCount (Query, Scan) and
 * ReturnedRecordsCount (GetRecords). As CloudWatch counts them: a failed condition or a throttled
 * request is not a user error, and a batch is throttled only when none of it could be done.
 * <p>
 * Meters are looked up once per (operation, table) and kept, so a request costs two map lookups and
 * the meters' own updates. The table tag is the request's TableName; an operation over several
 * tables (a batch or transaction across tables, ListTables) has an empty one. A request naming a
 * table that does not exist counts with an empty table (names nobody created must not grow the
 * series), and past {@link #MAX_TABLES} tables per operation the rest count as {@code _other}.
 */
public final class CloudWatchMeters implements OperationObserver {

    static final int MAX_TABLES = 2000;
    static final String OTHER_TABLES = "_other";

    private final MeterRegistry registry;
    private final Map<String, Map<String, RequestMeters>> byOperation = new ConcurrentHashMap<>();

    public CloudWatchMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The dispatcher with its requests counted in {@code registry}; unchanged when {@code enabled} is
     * false ({@code management.metrics.enable.dynamodb=false}: not even the look-ups are paid).
     */
    public static OperationDispatcher observe(OperationDispatcher dispatcher, MeterRegistry registry, boolean enabled) {
        return enabled ? dispatcher.observedBy(new CloudWatchMeters(registry)) : dispatcher;
    }

    @Override
    public void completed(String operationName, ObjectNode request, long elapsedNanos, JsonNode result, DynamoDbException error) {
        String table = error != null && "ResourceNotFoundException".equals(error.code()) ? "" : tableOf(request);
        RequestMeters meters = meters(operationName, table);
        meters.requests.increment();
        if (error == null) {
            meters.latency.record(elapsedNanos, TimeUnit.NANOSECONDS);
            meters.returned(result);
        } else {
            meters.failed(error);
        }
    }

    RequestMeters meters(String operationName, String table) {
        Map<String, RequestMeters> tables = byOperation.get(operationName);
        if (tables == null) {
            tables = byOperation.computeIfAbsent(operationName, name -> new ConcurrentHashMap<>());
        }
        RequestMeters meters = tables.get(table);
        if (meters == null) {
            String tag = tables.size() >= MAX_TABLES ? OTHER_TABLES : table;
            meters = tables.computeIfAbsent(tag, name -> new RequestMeters(registry, operationName, name));
        }
        return meters;
    }

    /** The request's table: its TableName, or the one table its RequestItems or TransactItems all name; else empty. */
    static String tableOf(ObjectNode request) {
        if (request == null) {
            return "";
        }
        JsonNode name = request.get("TableName");
        if (name != null) {
            return name.isString() ? name.asString() : "";
        }
        JsonNode requestItems = request.get("RequestItems");
        if (requestItems != null && requestItems.isObject()) {
            return requestItems.size() == 1 ? requestItems.properties().iterator().next().getKey() : "";
        }
        JsonNode transactItems = request.get("TransactItems");
        if (transactItems != null && transactItems.isArray()) {
            String table = null;
            for (JsonNode item : transactItems) {
                for (Map.Entry<String, JsonNode> action : item.properties()) {
                    JsonNode actionTable = action.getValue().get("TableName");
                    String itemTable = actionTable != null && actionTable.isString() ? actionTable.asString() : "";
                    if (table != null && !table.equals(itemTable)) {
                        return "";
                    }
                    table = itemTable;
                }
            }
            return table == null ? "" : table;
        }
        return "";
    }

    /** One (operation, table)'s meters; the error counters are made on the first error. */
    static final class RequestMeters {
        private final MeterRegistry registry;
        private final Tags tags;
        final Counter requests;
        final Timer latency;
        private final DistributionSummary returnedItems;
        private final DistributionSummary returnedRecords;
        private final Map<String, Counter> errors = new ConcurrentHashMap<>();

        RequestMeters(MeterRegistry registry, String operationName, String table) {
            this.registry = registry;
            this.tags = Tags.of(MeterNames.OPERATION, operationName, MeterNames.TABLE, table);
            this.requests = Counter.builder(MeterNames.REQUESTS).tags(tags)
                    .description("Requests to the operation, answered with success or an error").register(registry);
            this.latency = Timer.builder(MeterNames.SUCCESSFUL_REQUEST_LATENCY).tags(tags)
                    .description("SuccessfulRequestLatency: the time the service took to answer a successful request")
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(50_000))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry);
            this.returnedItems = operationName.equals("Query") || operationName.equals("Scan")
                    ? DistributionSummary.builder(MeterNames.RETURNED_ITEM_COUNT).tags(tags)
                            .description("ReturnedItemCount: the items a Query or Scan returned").register(registry)
                    : null;
            this.returnedRecords = operationName.equals("GetRecords")
                    ? DistributionSummary.builder(MeterNames.RETURNED_RECORDS_COUNT).tags(tags)
                            .description("ReturnedRecordsCount: the stream records a GetRecords returned").register(registry)
                    : null;
        }

        void returned(JsonNode result) {
            if (returnedItems != null && result != null) {
                JsonNode count = result.get("Count");
                if (count != null) {
                    returnedItems.record(count.asInt());
                }
            } else if (returnedRecords != null && result != null) {
                JsonNode records = result.get("Records");
                returnedRecords.record(records == null ? 0 : records.size());
            }
        }

        void failed(DynamoDbException error) {
            error(errorMeter(error)).increment();
        }

        /** Which CloudWatch metric counts the error. */
        static String errorMeter(DynamoDbException error) {
            if (error.status() >= 500) {
                return MeterNames.SYSTEM_ERRORS;
            }
            return switch (error.code()) {
                case "ConditionalCheckFailedException" -> MeterNames.CONDITIONAL_CHECK_FAILED_REQUESTS;
                case "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded" ->
                        MeterNames.THROTTLED_REQUESTS;
                case "TransactionConflictException" -> MeterNames.TRANSACTION_CONFLICT;
                case "TransactionCanceledException" -> conflicted(error) ? MeterNames.TRANSACTION_CONFLICT : MeterNames.USER_ERRORS;
                default -> MeterNames.USER_ERRORS;
            };
        }

        private static boolean conflicted(DynamoDbException error) {
            JsonNode reasons = error.members().get("CancellationReasons");
            if (reasons != null) {
                for (JsonNode reason : reasons) {
                    JsonNode code = reason.get("Code");
                    if (code != null && "TransactionConflict".equals(code.asString())) {
                        return true;
                    }
                }
            }
            return false;
        }

        private Counter error(String name) {
            Counter counter = errors.get(name);
            if (counter == null) {
                counter = errors.computeIfAbsent(name, n -> Counter.builder(n).tags(tags).register(registry));
            }
            return counter;
        }
    }
}
