package dev.ddb.gateway.console.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.json.Json;
import dev.ddb.common.metrics.MeterNames;

/**
 * The console's view of the meters at one instant: cumulative figures (as Prometheus keeps them),
 * per table and operation (requests, errors, throttles, SuccessfulRequestLatency's histogram) and
 * per table and index (consumed and provisioned capacity, throttle events). The browser keeps the
 * snapshots it polled and draws rates and percentiles from the differences between two, as PromQL's
 * {@code rate} and {@code histogram_quantile} do; the gateway keeps no history.
 *
 * <p>A latency histogram is sent with its buckets trimmed: leading buckets still at 0 (but the last of
 * them, the lower bound of the first that counts) and trailing ones already at the count are left
 * out (their values follow), which keeps an answer small although each series has about 70 buckets.
 * The {@code +Inf} bucket is the {@code count}.
 */
final class MetricsSnapshot {

    private static final String REQUESTS = "dynamodb_requests_total";
    private static final String LATENCY = "dynamodb_successful_request_latency_seconds";
    /** Per (table, operation) counters: Prometheus name to the JSON member the console reads. */
    private static final Map<String, String> OPERATION_COUNTERS = Map.of(
            REQUESTS, "requests",
            "dynamodb_user_errors_total", "userErrors",
            "dynamodb_system_errors_total", "systemErrors",
            "dynamodb_throttled_requests_total", "throttledRequests",
            "dynamodb_conditional_check_failed_requests_total", "conditionalCheckFailedRequests",
            "dynamodb_transaction_conflict_total", "transactionConflict",
            "dynamodb_returned_item_count_sum", "returnedItemCount");
    /** Per (table, index) figures. */
    private static final Map<String, String> INDEX_FIGURES = Map.of(
            "dynamodb_consumed_read_capacity_units_total", "consumedReadCapacityUnits",
            "dynamodb_consumed_write_capacity_units_total", "consumedWriteCapacityUnits",
            "dynamodb_provisioned_read_capacity_units", "provisionedReadCapacityUnits",
            "dynamodb_provisioned_write_capacity_units", "provisionedWriteCapacityUnits",
            "dynamodb_read_throttle_events_total", "readThrottleEvents",
            "dynamodb_write_throttle_events_total", "writeThrottleEvents",
            "dynamodb_time_to_live_deleted_item_count_total", "timeToLiveDeletedItemCount");

    private MetricsSnapshot() {
    }

    /** The tables the scrapes name, the empty name (requests over several tables or none) included. */
    static Set<String> tablesIn(List<ServiceScrape> scrapes) {
        Set<String> tables = new TreeSet<>();
        scrapes.forEach(scrape -> scrape.samples().forEach(sample -> tables.add(sample.label(MeterNames.TABLE))));
        return tables;
    }

    /**
     * @param shown which tables' figures to include (a single table asked for, or those the caller may see)
     */
    static ObjectNode of(List<ServiceScrape> scrapes, Predicate<String> shown, long timeMillis) {
        Map<Key, Operation> operations = new TreeMap<>();
        Map<Key, ObjectNode> indexes = new TreeMap<>();
        ArrayNode services = Json.array();
        for (ServiceScrape scrape : scrapes) {
            ObjectNode service = services.addObject().put("service", scrape.service().serviceName())
                    .put("up", scrape.error() == null);
            if (scrape.error() != null) {
                service.put("error", scrape.error());
            }
            for (PrometheusSample sample : scrape.samples()) {
                String table = sample.label(MeterNames.TABLE);
                if (!shown.test(table)) {
                    continue;
                }
                String operationMember = OPERATION_COUNTERS.get(sample.name());
                String indexMember = INDEX_FIGURES.get(sample.name());
                if (operationMember != null || sample.name().startsWith(LATENCY)) {
                    operations.computeIfAbsent(new Key(table, sample.label(MeterNames.OPERATION)), key -> new Operation())
                            .add(sample, operationMember);
                } else if (indexMember != null) {
                    ObjectNode figures = indexes.computeIfAbsent(new Key(table, sample.label(MeterNames.INDEX)),
                            key -> Json.object().put("table", key.table()).put("index", key.name()));
                    figures.put(indexMember, figures.path(indexMember).asDouble(0) + sample.value());
                }
            }
        }
        ObjectNode answer = Json.object().put("time", timeMillis);
        answer.set("services", services);
        ArrayNode operationList = answer.putArray("operations");
        operations.forEach((key, operation) -> operationList.add(operation.json(key)));
        ArrayNode indexList = answer.putArray("capacity");
        indexes.values().forEach(indexList::add);
        return answer;
    }

    private record Key(String table, String name) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::table).thenComparing(Key::name);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** One (table, operation)'s counters and latency histogram, summed over the services that report it. */
    private static final class Operation {
        private final Map<String, Double> counters = new TreeMap<>();
        private final TreeMap<Double, Double> buckets = new TreeMap<>();
        private double latencyCount;
        private double latencySum;

        void add(PrometheusSample sample, String counter) {
            if (counter != null) {
                counters.merge(counter, sample.value(), Double::sum);
            } else if (sample.name().equals(LATENCY + "_count")) {
                latencyCount += sample.value();
            } else if (sample.name().equals(LATENCY + "_sum")) {
                latencySum += sample.value();
            } else if (sample.name().equals(LATENCY + "_bucket")) {
                double le = parseBound(sample.label("le"));
                if (Double.isFinite(le)) {
                    buckets.merge(le, sample.value(), Double::sum);
                }
            }
        }

        ObjectNode json(Key key) {
            ObjectNode json = Json.object().put("table", key.table()).put("operation", key.name());
            OPERATION_COUNTERS.values().forEach(member -> json.put(member, counters.getOrDefault(member, 0.0)));
            ObjectNode latency = json.putObject("latency").put("count", latencyCount).put("sum", latencySum);
            ArrayNode trimmed = latency.putArray("buckets");
            Double lastEmpty = null;
            for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
                double cumulative = bucket.getValue();
                if (cumulative == 0) {
                    lastEmpty = bucket.getKey(); // below every recorded latency
                    continue;
                }
                if (lastEmpty != null) {
                    // the lower bound of the first bucket that counts, for interpolating within it
                    trimmed.addArray().add(lastEmpty).add(0.0);
                    lastEmpty = null;
                }
                trimmed.addArray().add(bucket.getKey()).add(cumulative);
                if (cumulative >= latencyCount) {
                    break; // every bucket above holds the count too
                }
            }
            return json;
        }

        private static double parseBound(String le) {
            try {
                return "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }
}
