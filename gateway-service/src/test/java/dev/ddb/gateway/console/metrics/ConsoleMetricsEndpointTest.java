package dev.ddb.gateway.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ddb.common.json.Json;
import dev.ddb.gateway.support.FakeDownstream.Answer;
import dev.ddb.gateway.support.GatewayTestBase;

/**
 * GET /console/api/metrics in open mode: each service's /actuator/prometheus is read, its
 * DynamoDB-named meters summed per table and operation and per table and index, a service that does
 * not answer is named, and ?table= keeps one table.
 */
class ConsoleMetricsEndpointTest extends GatewayTestBase {

    static final String ITEM_SERVICE_METERS = """
            # HELP dynamodb_requests_total Requests to the operation, answered with success or an error
            # TYPE dynamodb_requests_total counter
            dynamodb_requests_total{operation="PutItem",service="item-service",table="Music"} 5.0
            dynamodb_requests_total{operation="GetItem",service="item-service",table="Music"} 3.0
            dynamodb_requests_total{operation="GetItem",service="item-service",table="Books"} 1.0
            dynamodb_requests_total{operation="BatchGetItem",service="item-service",table=""} 2.0
            dynamodb_user_errors_total{operation="PutItem",service="item-service",table="Music"} 1.0
            dynamodb_conditional_check_failed_requests_total{operation="PutItem",service="item-service",table="Music"} 1.0
            # TYPE dynamodb_successful_request_latency_seconds histogram
            dynamodb_successful_request_latency_seconds_bucket{operation="GetItem",service="item-service",table="Music",le="1.0E-4"} 0.0
            dynamodb_successful_request_latency_seconds_bucket{operation="GetItem",service="item-service",table="Music",le="2.0E-4"} 0.0
            dynamodb_successful_request_latency_seconds_bucket{operation="GetItem",service="item-service",table="Music",le="4.0E-4"} 2.0
            dynamodb_successful_request_latency_seconds_bucket{operation="GetItem",service="item-service",table="Music",le="8.0E-4"} 3.0
            dynamodb_successful_request_latency_seconds_bucket{operation="GetItem",service="item-service",table="Music",le="0.0016"} 3.0
            dynamodb_successful_request_latency_seconds_bucket{operation="GetItem",service="item-service",table="Music",le="+Inf"} 3.0
            dynamodb_successful_request_latency_seconds_count{operation="GetItem",service="item-service",table="Music"} 3.0
            dynamodb_successful_request_latency_seconds_sum{operation="GetItem",service="item-service",table="Music"} 0.0012
            dynamodb_consumed_read_capacity_units_total{index="",service="item-service",table="Music"} 1.5
            dynamodb_consumed_write_capacity_units_total{index="",service="item-service",table="Music"} 5.0
            dynamodb_consumed_write_capacity_units_total{index="ByAlbum",service="item-service",table="Music"} 4.0
            dynamodb_provisioned_read_capacity_units{index="",service="item-service",table="Music"} 10.0
            dynamodb_write_throttle_events_total{index="",service="item-service",table="Music"} 2.0
            jvm_threads_live_threads{service="item-service"} 40.0
            """;
    static final String TABLE_SERVICE_METERS = """
            dynamodb_requests_total{operation="CreateTable",service="table-service",table="Music"} 1.0
            dynamodb_requests_total{operation="ListTables",service="table-service",table=""} 4.0
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void figuresPerTableAndOperationAndPerTableAndIndexFromEveryService() throws Exception {
        serveMeters();

        JsonNode answer = metrics("");

        assertThat(answer.path("time").asLong()).isPositive();
        JsonNode putMusic = operation(answer, "Music", "PutItem");
        assertThat(putMusic.path("requests").asDouble()).isEqualTo(5);
        assertThat(putMusic.path("userErrors").asDouble()).isEqualTo(1);
        assertThat(putMusic.path("conditionalCheckFailedRequests").asDouble()).isEqualTo(1);
        assertThat(putMusic.path("throttledRequests").asDouble()).isZero();
        assertThat(operation(answer, "Music", "CreateTable").path("requests").asDouble()).isEqualTo(1);
        assertThat(operation(answer, "", "ListTables").path("requests").asDouble()).isEqualTo(4);
        assertThat(operation(answer, "Books", "GetItem").path("requests").asDouble()).isEqualTo(1);

        // The histogram without the buckets below its first count (but the lower bound) and above its count.
        JsonNode latency = operation(answer, "Music", "GetItem").path("latency");
        assertThat(latency.path("count").asDouble()).isEqualTo(3);
        assertThat(latency.path("sum").asDouble()).isEqualTo(0.0012);
        assertThat(Json.MAPPER.writeValueAsString(latency.path("buckets"))).isEqualTo("[[2.0E-4,0.0],[4.0E-4,2.0],[8.0E-4,3.0]]");

        JsonNode music = capacity(answer, "Music", "");
        assertThat(music.path("consumedReadCapacityUnits").asDouble()).isEqualTo(1.5);
        assertThat(music.path("consumedWriteCapacityUnits").asDouble()).isEqualTo(5);
        assertThat(music.path("provisionedReadCapacityUnits").asDouble()).isEqualTo(10);
        assertThat(music.path("writeThrottleEvents").asDouble()).isEqualTo(2);
        assertThat(music.has("provisionedWriteCapacityUnits")).isFalse();
        assertThat(capacity(answer, "Music", "ByAlbum").path("consumedWriteCapacityUnits").asDouble()).isEqualTo(4);

        assertThat(ITEMS.received()).anySatisfy(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/actuator/prometheus");
        });
    }

    @Test
    void aServiceThatDoesNotAnswerIsNamedAndTheOthersStillCount() throws Exception {
        STREAMS.answerWhen(request -> request.path().equals("/actuator/prometheus"), Answer.json(503, "down"));
        serveMeters();

        JsonNode answer = metrics("");

        List<JsonNode> services = answer.path("services").valueStream().toList();
        assertThat(services).extracting(service -> service.path("service").asString())
                .containsExactly("table-service", "item-service", "stream-service", "backup-service");
        assertThat(services).filteredOn(service -> !service.path("up").asBoolean()).singleElement().satisfies(down -> {
            assertThat(down.path("service").asString()).isEqualTo("stream-service");
            assertThat(down.path("error").asString()).contains("/actuator/prometheus", "503");
        });
        assertThat(operation(answer, "Music", "PutItem").path("requests").asDouble()).isEqualTo(5);
    }

    @Test
    void aTableAskedForByNameIsTheOnlyOneShown() throws Exception {
        serveMeters();

        JsonNode answer = metrics("?table=Music");

        assertThat(answer.path("operations").valueStream().map(o -> o.path("table").asString()).distinct())
                .containsExactly("Music");
        assertThat(answer.path("operations").valueStream().map(o -> o.path("operation").asString()))
                .containsExactly("CreateTable", "GetItem", "PutItem");
        assertThat(answer.path("capacity").valueStream().map(c -> c.path("table").asString()).distinct())
                .containsExactly("Music");
    }

    static JsonNode operation(JsonNode answer, String table, String operation) {
        return answer.path("operations").valueStream()
                .filter(o -> o.path("table").asString().equals(table) && o.path("operation").asString().equals(operation))
                .findFirst().orElseThrow(() -> new AssertionError("no " + operation + " on '" + table + "' in " + answer));
    }

    static JsonNode capacity(JsonNode answer, String table, String index) {
        return answer.path("capacity").valueStream()
                .filter(c -> c.path("table").asString().equals(table) && c.path("index").asString().equals(index))
                .findFirst().orElseThrow(() -> new AssertionError("no " + table + "/" + index + " in " + answer));
    }

    private static void serveMeters() {
        ITEMS.answerWhen(request -> request.path().equals("/actuator/prometheus"), Answer.json(200, ITEM_SERVICE_METERS));
        TABLES.answerWhen(request -> request.path().equals("/actuator/prometheus"), Answer.json(200, TABLE_SERVICE_METERS));
        STREAMS.answerWhen(request -> request.path().equals("/actuator/prometheus"), Answer.json(200, ""));
        BACKUPS.answerWhen(request -> request.path().equals("/actuator/prometheus"), Answer.json(200, ""));
    }

    private JsonNode metrics(String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/console/api/metrics" + query)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return Json.MAPPER.readTree(response.body());
    }
}
