package dev.ddb.stream.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ddb.common.json.Json;
import dev.ddb.stream.pattern.EventPattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ChangeEventsTest {

    private static final String STREAM = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/2026-12-01T00:00:00.000";

    private static final ObjectNode RECORD = (ObjectNode) Json.read("""
            {"eventID": "e1", "eventName": "MODIFY", "eventVersion": "1.1", "eventSource": "aws:dynamodb",
             "awsRegion": "us-east-1",
             "dynamodb": {"ApproximateCreationDateTime": 1764554400,
                          "Keys": {"id": {"S": "order-1"}},
                          "NewImage": {"id": {"S": "order-1"}, "total": {"N": "150.50"}, "paid": {"BOOL": true},
                                       "tags": {"SS": ["gift"]}, "lines": {"L": [{"M": {"qty": {"N": "2"}}}]}},
                          "OldImage": {"id": {"S": "order-1"}, "total": {"N": "50"}},
                          "SequenceNumber": "000000000000000000042", "SizeBytes": 60, "StreamViewType": "NEW_AND_OLD_IMAGES"},
             "userIdentity": {"Type": "Service", "PrincipalId": "dynamodb.amazonaws.com"}}
            """.getBytes());

    private static final ObjectNode EVENT = ChangeEvents.of(RECORD, STREAM, "000000000000");

    @Test
    void theEnvelopeIsEventBridgesAndTheDetailIsTheRecordAsLambdaGetsIt() {
        assertThat(EVENT.get("version").stringValue()).isEqualTo("0");
        assertThat(EVENT.get("detail-type").stringValue()).isEqualTo("DynamoDB Stream Record");
        assertThat(EVENT.get("source").stringValue()).isEqualTo("aws.dynamodb");
        assertThat(EVENT.get("account").stringValue()).isEqualTo("000000000000");
        assertThat(EVENT.get("region").stringValue()).isEqualTo("us-east-1");
        assertThat(EVENT.get("time").stringValue()).isEqualTo("2025-12-01T02:00:00Z");
        assertThat(EVENT.get("resources").get(0).stringValue()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Orders");
        JsonNode detail = EVENT.get("detail");
        assertThat(detail.get("eventSourceARN").stringValue()).isEqualTo(STREAM);
        assertThat(detail.get("tableName").stringValue()).isEqualTo("Orders");
        assertThat(detail.at("/dynamodb/NewImage/total/N").stringValue()).isEqualTo("150.50");
        assertThat(detail.at("/userIdentity/type").stringValue()).isEqualTo("Service");
    }

    @Test
    void theIdIsTheSameForEveryDeliveryOfARecord() {
        assertThat(ChangeEvents.of(RECORD, STREAM, "000000000000").get("id")).isEqualTo(EVENT.get("id"));
        ObjectNode other = RECORD.deepCopy();
        ((ObjectNode) other.get("dynamodb")).put("SequenceNumber", "000000000000000000043");
        assertThat(ChangeEvents.of(other, STREAM, "000000000000").get("id")).isNotEqualTo(EVENT.get("id"));
    }

    @Test
    void plainImagesHoldExactNumbersThatNumericPatternsCompare() {
        JsonNode detail = EVENT.get("detail");
        assertThat(detail.at("/newImage/total").decimalValue()).isEqualByComparingTo("150.50");
        assertThat(detail.at("/newImage/paid").booleanValue()).isTrue();
        assertThat(detail.at("/newImage/tags/$ss/0").stringValue()).isEqualTo("gift");
        assertThat(detail.at("/newImage/lines/0/qty").intValue()).isEqualTo(2);
        assertThat(detail.at("/oldImage/total").intValue()).isEqualTo(50);
        assertThat(detail.at("/keys/id").stringValue()).isEqualTo("order-1");

        assertThat(EventPattern.parse("{\"detail\": {\"newImage\": {\"total\": [{\"numeric\": [\">\", 100]}]}}}").matches(EVENT)).isTrue();
        assertThat(EventPattern.parse("{\"detail\": {\"oldImage\": {\"total\": [{\"numeric\": [\">\", 100]}]}}}").matches(EVENT)).isFalse();
        assertThat(EventPattern.parse("{\"resources\": [{\"suffix\": \":table/Orders\"}], \"detail\": {\"keys\": {\"id\": [{\"prefix\": \"order-\"}]}}}")
                .matches(EVENT)).isTrue();
        assertThat(EventPattern.parse("{\"detail\": {\"eventName\": [{\"anything-but\": \"REMOVE\"}], \"oldImage\": {\"cancelled\": [{\"exists\": false}]}}}")
                .matches(EVENT)).isTrue();
    }

    @Test
    void inputPathSelectsAPartOfTheEvent() {
        RuleTarget whole = new RuleTarget("t", "kafka://x", null, null, 185, 86400);
        RuleTarget image = new RuleTarget("t", "kafka://x", null, "$.detail.newImage", 185, 86400);
        RuleTarget constant = new RuleTarget("t", "kafka://x", "{\"hello\": 1}", null, 185, 86400);
        assertThat(TargetInput.of(whole, EVENT)).isEqualTo(Json.write(EVENT));
        assertThat(Json.read(TargetInput.of(image, EVENT)).get("total").decimalValue()).isEqualByComparingTo("150.5");
        assertThat(Json.read(TargetInput.of(constant, EVENT)).get("hello").intValue()).isEqualTo(1);
        assertThat(TargetInput.select(EVENT, "$.detail.nothing.here").isNull()).isTrue();
    }
}
