package dev.ddb.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.OperationDispatcher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.node.ObjectNode;

class CloudWatchMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private OperationDispatcher dispatcher() {
        return new OperationDispatcher(Map.of(
                "Query", (context, request) -> {
                    ObjectNode result = Json.object();
                    result.put("Count", 7);
                    return result;
                },
                "PutItem", (context, request) -> {
                    throw DynamoDbException.conditionalCheckFailed("The conditional request failed");
                },
                "DeleteItem", (context, request) -> {
                    throw new IllegalStateException("bug");
                },
                "GetItem", (context, request) -> {
                    throw DynamoDbException.tableNotFound("Nope");
                })).observedBy(new CloudWatchMeters(registry));
    }

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private double count(String name, String operation, String table) {
        var counter = registry.find(name).tags(MeterNames.OPERATION, operation, MeterNames.TABLE, table).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aSuccessfulQueryRecordsLatencyRequestsAndReturnedItems() {
        dispatcher().dispatch("DynamoDB_20120810.Query", body("{\"TableName\":\"Music\"}"));
        assertThat(count(MeterNames.REQUESTS, "Query", "Music")).isEqualTo(1);
        assertThat(registry.get(MeterNames.SUCCESSFUL_REQUEST_LATENCY).tags("operation", "Query", "table", "Music").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(MeterNames.RETURNED_ITEM_COUNT).tags("table", "Music").summary().totalAmount()).isEqualTo(7);
    }

    @Test
    void errorsCountAsCloudWatchDoes() {
        OperationDispatcher dispatcher = dispatcher();
        dispatcher.dispatch("DynamoDB_20120810.PutItem", body("{\"TableName\":\"Music\",\"Item\":{}}"));
        dispatcher.dispatch("DynamoDB_20120810.DeleteItem", body("{\"TableName\":\"Music\",\"Key\":{}}"));
        dispatcher.dispatch("DynamoDB_20120810.GetItem", body("{\"TableName\":\"Ghost\",\"Key\":{}}"));
        dispatcher.dispatch("DynamoDB_20120810.Query", body("not json"));
        dispatcher.dispatch("DynamoDB_20120810.NoSuchOperation", body("{}"));

        assertThat(count(MeterNames.CONDITIONAL_CHECK_FAILED_REQUESTS, "PutItem", "Music")).isEqualTo(1);
        assertThat(count(MeterNames.USER_ERRORS, "PutItem", "Music")).as("a failed condition is no user error").isZero();
        assertThat(count(MeterNames.SYSTEM_ERRORS, "DeleteItem", "Music")).isEqualTo(1);
        // a table that does not exist gets no series of its own
        assertThat(count(MeterNames.USER_ERRORS, "GetItem", "")).isEqualTo(1);
        assertThat(registry.find(MeterNames.REQUESTS).tag("table", "Ghost").meters()).isEmpty();
        assertThat(count(MeterNames.USER_ERRORS, "Query", "")).isEqualTo(1);
        assertThat(registry.find(MeterNames.REQUESTS).tag("operation", "NoSuchOperation").meters()).isEmpty();
        assertThat(registry.get(MeterNames.SUCCESSFUL_REQUEST_LATENCY).tags("operation", "PutItem").timer().count()).isZero();
    }

    @Test
    void throttlingAndTransactionConflictsHaveTheirOwnMeters() {
        DynamoDbException throttled = new DynamoDbException(
                "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", "slow down", 400);
        DynamoDbException canceled = DynamoDbException.transactionCanceled("Transaction cancelled");
        canceled.withMember("CancellationReasons", Json.array().add(Json.object().put("Code", "None"))
                .add(Json.object().put("Code", "TransactionConflict")));
        assertThat(CloudWatchMeters.RequestMeters.errorMeter(throttled)).isEqualTo(MeterNames.THROTTLED_REQUESTS);
        assertThat(CloudWatchMeters.RequestMeters.errorMeter(canceled)).isEqualTo(MeterNames.TRANSACTION_CONFLICT);
        assertThat(CloudWatchMeters.RequestMeters.errorMeter(DynamoDbException.transactionCanceled("x")))
                .isEqualTo(MeterNames.USER_ERRORS);
        assertThat(CloudWatchMeters.RequestMeters.errorMeter(DynamoDbException.internalServerError("x")))
                .isEqualTo(MeterNames.SYSTEM_ERRORS);
    }

    @Test
    void theTableIsTheOneTheRequestNames() {
        assertThat(CloudWatchMeters.tableOf(null)).isEmpty();
        assertThat(CloudWatchMeters.tableOf(Json.parseRequest(body("{\"TableName\":\"A\"}")))).isEqualTo("A");
        assertThat(CloudWatchMeters.tableOf(Json.parseRequest(body("{\"RequestItems\":{\"A\":{}}}")))).isEqualTo("A");
        assertThat(CloudWatchMeters.tableOf(Json.parseRequest(body("{\"RequestItems\":{\"A\":{},\"B\":{}}}")))).isEmpty();
        assertThat(CloudWatchMeters.tableOf(Json.parseRequest(body(
                "{\"TransactItems\":[{\"Put\":{\"TableName\":\"A\"}},{\"Update\":{\"TableName\":\"A\"}}]}")))).isEqualTo("A");
        assertThat(CloudWatchMeters.tableOf(Json.parseRequest(body(
                "{\"TransactItems\":[{\"Put\":{\"TableName\":\"A\"}},{\"Get\":{\"TableName\":\"B\"}}]}")))).isEmpty();
        assertThat(CloudWatchMeters.tableOf(Json.parseRequest(body("{}")))).isEmpty();
    }

    @Test
    void pastTheLimitOfTablesTheRestShareOneSeries() {
        CloudWatchMeters meters = new CloudWatchMeters(registry);
        for (int i = 0; i < CloudWatchMeters.MAX_TABLES + 5; i++) {
            meters.meters("GetItem", "t" + i).requests.increment();
        }
        assertThat(registry.find(MeterNames.REQUESTS).tag("operation", "GetItem").meters()).hasSize(CloudWatchMeters.MAX_TABLES + 1);
        assertThat(count(MeterNames.REQUESTS, "GetItem", CloudWatchMeters.OTHER_TABLES)).isEqualTo(5);
    }
}
