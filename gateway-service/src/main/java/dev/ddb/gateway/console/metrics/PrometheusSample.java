package dev.ddb.gateway.console.metrics;

import java.util.Map;

/** One sample line of a Prometheus scrape: {@code name{label="value",...} value}. */
record PrometheusSample(String name, Map<String, String> labels, double value) {

    /** A label's value; empty when the sample has no such label (as PromQL reads a missing label). */
    String label(String labelName) {
        return labels.getOrDefault(labelName, "");
    }
}
