package dev.ddb.stream.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** Function registrations, on-failure destinations, the failure record and the mapping's stored and API shapes. */
class TriggerSettingsTest {

    private final Functions functions = new Functions(Functions.parse(
            "orders-handler=http://localhost:9000/invoke, other=http://h:1/x"), "000000000000");

    @Test
    void functionsAreRegisteredByNameAndNamedAsLambdaAccepts() {
        assertThat(functions.resolve("us-east-1", "orders-handler").url()).isEqualTo(URI.create("http://localhost:9000/invoke"));
        assertThat(functions.resolve("us-east-1", "000000000000:function:other").arn())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:other");
        assertThat(functions.resolve("eu-west-1", "arn:aws:lambda:eu-west-1:000000000000:function:other").name()).isEqualTo("other");
        assertThatThrownBy(() -> functions.resolve("us-east-1", "nobody")).isInstanceOf(LambdaException.class)
                .hasMessage("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nobody");
        assertThatThrownBy(() -> functions.resolve("us-east-1", "arn:aws:lambda:us-east-1:111111111111:function:other"))
                .isInstanceOf(LambdaException.class).extracting(e -> ((LambdaException) e).type()).isEqualTo("ResourceNotFoundException");
        assertThatThrownBy(() -> functions.resolve("us-east-1", "bad name!")).isInstanceOf(LambdaException.class)
                .extracting(e -> ((LambdaException) e).status()).isEqualTo(400);
        assertThatThrownBy(() -> Functions.parse("nourl")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onFailureDestinationsNameKafkaTopics() {
        assertThat(FailureDestinations.topicOf("orders-failures")).contains("orders-failures");
        assertThat(FailureDestinations.topicOf("kafka://orders.failures")).contains("orders.failures");
        assertThat(FailureDestinations.topicOf("arn:aws:kafka:us-east-1:000000000000:topic/cluster/orders-failures"))
                .contains("orders-failures");
        assertThat(FailureDestinations.topicOf("arn:aws:sqs:us-east-1:000000000000:queue")).isEmpty();
        assertThat(FailureDestinations.topicOf("bad topic")).isEmpty();
    }

    @Test
    void theFailureRecordIsLambdasInvocationRecord() {
        EventSourceMapping mapping = mapping();
        ObjectNode first = Json.object();
        StreamBatch part = new StreamBatch(1, List.of(
                new StreamBatch.Entry(5, 1_700_000_000_500L, "200000000000000000005", first),
                new StreamBatch.Entry(6, 1_700_000_001_500L, "200000000000000000006", first)), 7);
        ObjectNode record = FailureRecords.of(mapping, "shardId-1", part, BatchDelivery.RETRY_ATTEMPTS_EXHAUSTED, 3,
                FunctionInvoker.InvokeResult.failed(502, "x"), Instant.parse("2026-01-02T03:04:05.678Z"));
        assertThat(record.get("requestContext").get("condition").stringValue()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.get("requestContext").get("approximateInvokeCount").intValue()).isEqualTo(3);
        assertThat(record.get("responseContext").get("statusCode").intValue()).isEqualTo(502);
        assertThat(record.get("responseContext").get("functionError").stringValue()).isEqualTo("Unhandled");
        assertThat(record.get("timestamp").stringValue()).isEqualTo("2026-01-02T03:04:05.678Z");
        var info = record.get("DDBStreamBatchInfo");
        assertThat(info.get("startSequenceNumber").stringValue()).isEqualTo("200000000000000000005");
        assertThat(info.get("endSequenceNumber").stringValue()).isEqualTo("200000000000000000006");
        assertThat(info.get("approximateArrivalOfFirstRecord").stringValue()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(info.get("batchSize").intValue()).isEqualTo(2);
        assertThat(info.get("streamArn").stringValue()).isEqualTo(mapping.eventSourceArn());
        assertThat(info.get("shardId").stringValue()).isEqualTo("shardId-1");
    }

    @Test
    void aMappingSurvivesItsStoredFormAndAnswersInLambdasShape() {
        EventSourceMapping mapping = mapping();
        assertThat(EventSourceMapping.fromStored(mapping.toStored())).isEqualTo(mapping);
        ObjectNode api = mapping.toApi("Enabled", "OK", "000000000000");
        assertThat(api.get("UUID").stringValue()).isEqualTo("u-1");
        assertThat(api.get("FilterCriteria").get("Filters").get(0).get("Pattern").stringValue()).isEqualTo("{\"eventName\":[\"INSERT\"]}");
        assertThat(api.get("DestinationConfig").get("OnFailure").get("Destination").stringValue()).isEqualTo("failures");
        assertThat(api.get("FunctionResponseTypes").get(0).stringValue()).isEqualTo("ReportBatchItemFailures");
        assertThat(api.get("LastModified").doubleValue()).isEqualTo(1_700_000_000.123);
        assertThat(api.get("EventSourceMappingArn").stringValue())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:event-source-mapping:u-1");
    }

    @Test
    void requestsAreCheckedAgainstLambdasLimits() {
        assertThatThrownBy(() -> MappingRequest.parse("{\"BatchSize\": 10001}".getBytes()))
                .isInstanceOf(LambdaException.class).extracting(e -> ((LambdaException) e).type()).isEqualTo("ValidationException");
        assertThatThrownBy(() -> MappingRequest.parse("{\"MaximumRecordAgeInSeconds\": 30}".getBytes()))
                .isInstanceOf(LambdaException.class).extracting(e -> ((LambdaException) e).type()).isEqualTo("InvalidParameterValueException");
        assertThatThrownBy(() -> MappingRequest.parse("{\"StartingPosition\": \"AT_TIMESTAMP\"}".getBytes()))
                .isInstanceOf(LambdaException.class);
        assertThatThrownBy(() -> MappingRequest.parse("{\"FilterCriteria\": {\"Filters\": [{\"Pattern\": \"{\\\"a\\\": 1}\"}]}}".getBytes()))
                .isInstanceOf(LambdaException.class).hasMessageContaining("Invalid filter pattern definition");
        assertThatThrownBy(() -> MappingRequest.parse("{\"DestinationConfig\": {\"OnFailure\": {\"Destination\": \"arn:aws:sqs:us-east-1:000000000000:q\"}}}".getBytes()))
                .isInstanceOf(LambdaException.class);
        for (String notAString : new String[] {"[]", "{}", "[null]", "1"}) {
            assertThatThrownBy(() -> MappingRequest.parse(("{\"DestinationConfig\": {\"OnFailure\": {\"Destination\": " + notAString + "}}}").getBytes()))
                    .as(notAString).isInstanceOf(LambdaException.class).hasMessage("DestinationConfig.OnFailure.Destination must be a string.");
        }
        assertThatThrownBy(() -> MappingRequest.parse("{\"FilterCriteria\": {\"Filters\": [{\"Pattern\": \"{\\\"a\\\": [{\\\"numeric\\\": [\\\">\\\", 1e400]}]}\"}]}}".getBytes()))
                .isInstanceOf(LambdaException.class).hasMessageContaining("Invalid filter pattern definition");
        assertThatThrownBy(() -> MappingRequest.parse("{oops".getBytes()))
                .isInstanceOf(LambdaException.class).extracting(e -> ((LambdaException) e).type()).isEqualTo("InvalidRequestContentException");
        MappingRequest ok = MappingRequest.parse(("{\"FunctionName\":\"f\",\"BatchSize\":10000,\"MaximumRetryAttempts\":-1,"
                + "\"FunctionResponseTypes\":[\"ReportBatchItemFailures\"],"
                + "\"DestinationConfig\":{\"OnFailure\":{\"Destination\":\"kafka://f\"}}}").getBytes());
        assertThat(ok.batchSize()).isEqualTo(10000);
        assertThat(ok.onFailureDestination()).isEqualTo("kafka://f");
        assertThat(ok.functionResponseTypes()).containsExactly("ReportBatchItemFailures");
    }

    private static EventSourceMapping mapping() {
        return new EventSourceMapping("u-1", "us-east-1", "arn:aws:lambda:us-east-1:000000000000:function:f",
                "arn:aws:dynamodb:us-east-1:000000000000:table/T/stream/2026-01-01T00:00:00.000", "LATEST", 100, 0, true,
                -1, -1, false, List.of("ReportBatchItemFailures"), "failures", List.of("{\"eventName\":[\"INSERT\"]}"),
                1_700_000_000_123L, 1_700_000_000_000L);
    }
}
