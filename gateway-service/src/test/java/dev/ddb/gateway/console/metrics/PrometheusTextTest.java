package dev.ddb.gateway.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void readsNamesLabelsAndValuesAndSkipsCommentsAndUnwantedNames() {
        List<PrometheusSample> samples = PrometheusText.parse("""
                # HELP dynamodb_requests_total Requests to the operation
                # TYPE dynamodb_requests_total counter
                dynamodb_requests_total{operation="PutItem",service="item-service",table="Music",} 12.0
                dynamodb_successful_request_latency_seconds_bucket{operation="GetItem",table="Music",le="+Inf"} 3.0 1733000000000
                jvm_threads_live_threads 42.0
                dynamodb_outbox_depth 7
                """, name -> name.startsWith("dynamodb_"));

        assertThat(samples).containsExactly(
                new PrometheusSample("dynamodb_requests_total",
                        Map.of("operation", "PutItem", "service", "item-service", "table", "Music"), 12),
                new PrometheusSample("dynamodb_successful_request_latency_seconds_bucket",
                        Map.of("operation", "GetItem", "table", "Music", "le", "+Inf"), 3),
                new PrometheusSample("dynamodb_outbox_depth", Map.of(), 7));
    }

    @Test
    void labelValuesKeepTheirEscapedQuotesBackslashesAndNewLines() {
        List<PrometheusSample> samples = PrometheusText.parse(
                "dynamodb_requests_total{table=\"a\\\"b\\\\c\\nd\",operation=\"x,y}\"} +Inf\n", name -> true);

        assertThat(samples).singleElement().satisfies(sample -> {
            assertThat(sample.label("table")).isEqualTo("a\"b\\c\nd");
            assertThat(sample.label("operation")).isEqualTo("x,y}");
            assertThat(sample.label("index")).isEmpty();
            assertThat(sample.value()).isInfinite();
        });
    }

    @Test
    void aMalformedLineIsLeftOutAndTheRestRead() {
        List<PrometheusSample> samples = PrometheusText.parse("""
                dynamodb_requests_total{table="Music" 1
                dynamodb_requests_total{table=Music} 1
                dynamodb_requests_total{table="Music"} many
                dynamodb_requests_total{table="Books"} 2
                """, name -> true);

        assertThat(samples).extracting(sample -> sample.label("table")).containsExactly("Books");
    }
}
