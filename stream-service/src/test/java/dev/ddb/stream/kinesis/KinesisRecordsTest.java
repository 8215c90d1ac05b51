package dev.ddb.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ddb.common.event.ItemChange;
import dev.ddb.stream.support.Streams;
import tools.jackson.databind.JsonNode;

/** The record shape of Kinesis Data Streams for DynamoDB, member by member and in its order. */
class KinesisRecordsTest {

    private static final KinesisDestination DESTINATION = new KinesisDestination(
            "arn:aws:kinesis:us-east-1:000000000000:stream/music", "id-Music", "Music", "us-east-1", "pk",
            List.of(new KinesisDestination.Period(0, null, "MILLISECOND")));

    @Test
    void aModifyCarriesBothImagesAndTheTimeInMilliseconds() {
        ItemChange change = Streams.change("MODIFY", 7, "p1", Streams.item("p1", "old"), Streams.item("p1", "new"));
        JsonNode record = KinesisRecords.record(DESTINATION, change, "MILLISECOND");

        assertThat(record.propertyNames()).containsExactly("awsRegion", "eventID", "eventName", "userIdentity",
                "recordFormat", "tableName", "dynamodb", "eventSource");
        assertThat(record.get("userIdentity").isNull()).isTrue();
        assertThat(record.get("recordFormat").stringValue()).isEqualTo("application/json");
        assertThat(record.get("eventSource").stringValue()).isEqualTo("aws:dynamodb");
        JsonNode dynamodb = record.get("dynamodb");
        assertThat(dynamodb.get("ApproximateCreationDateTime").longValue()).isEqualTo(change.timeMillis());
        assertThat(dynamodb.get("ApproximateCreationDateTimePrecision").stringValue()).isEqualTo("MILLISECOND");
        assertThat(dynamodb.get("OldImage").get("v").get("S").stringValue()).isEqualTo("old");
        assertThat(dynamodb.get("NewImage").get("v").get("S").stringValue()).isEqualTo("new");
        assertThat(dynamodb.get("Keys").propertyNames()).containsExactly("pk", "sk");
        assertThat(record.get("eventID").stringValue())
                .as("the same change gets the same id when a transaction is retried")
                .isEqualTo(KinesisRecords.record(DESTINATION, change, "MILLISECOND").get("eventID").stringValue());
        assertThat(new String(KinesisRecords.partitionKey(DESTINATION, change), StandardCharsets.UTF_8)).isEqualTo("p1");
    }

    @Test
    void microsecondPrecisionAndATimeToLiveDelete() {
        ItemChange expiry = new ItemChange("Music", "id-Music", 8, "REMOVE", Streams.change("REMOVE", 8, "p1", null, null).keys(),
                Streams.item("p1", "old"), null, 1_764_067_054_123L, 0, "dynamodb.amazonaws.com");
        JsonNode record = KinesisRecords.record(DESTINATION, expiry, "MICROSECOND");

        assertThat(record.get("dynamodb").get("ApproximateCreationDateTime").longValue()).isEqualTo(1_764_067_054_123_000L);
        assertThat(record.get("dynamodb").has("NewImage")).isFalse();
        assertThat(record.get("userIdentity").toString())
                .isEqualTo("{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}");
    }
}
