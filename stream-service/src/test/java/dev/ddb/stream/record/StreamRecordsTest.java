package dev.ddb.stream.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.event.ItemChange;
import dev.ddb.common.json.Json;
import dev.ddb.stream.registry.Stream;
import dev.ddb.stream.support.Streams;
import tools.jackson.databind.JsonNode;

class StreamRecordsTest {

    private static final ItemChange MODIFY = Streams.change("MODIFY", 17, "a", Streams.item("a", "old"), Streams.item("a", "new"));

    @ParameterizedTest
    @CsvSource({"KEYS_ONLY,false,false", "NEW_IMAGE,true,false", "OLD_IMAGE,false,true", "NEW_AND_OLD_IMAGES,true,true"})
    void viewTypeDecidesWhichImagesTheRecordKeeps(String viewType, boolean newImage, boolean oldImage) {
        JsonNode record = StreamRecords.record(Streams.stream("Music", "2026-11-25T10:37:34.123", viewType, 4), MODIFY,
                "100000000000000000042");

        JsonNode dynamodb = record.get("dynamodb");
        assertThat(dynamodb.has("NewImage")).isEqualTo(newImage);
        assertThat(dynamodb.has("OldImage")).isEqualTo(oldImage);
        assertThat(dynamodb.get("StreamViewType").stringValue()).isEqualTo(viewType);
        // keys: pk "a" (2+1) + sk 1 (2+2) = 7; an image adds v "old"/"new" (1+3) = 11 bytes
        assertThat(dynamodb.get("SizeBytes").longValue()).isEqualTo(7 + (newImage ? 11 : 0) + (oldImage ? 11 : 0));
    }

    @Test
    void recordHasTheShapeOfAGetRecordsRecord() {
        JsonNode record = StreamRecords.record(Streams.stream("Music", "2026-11-25T10:37:34.123", "NEW_AND_OLD_IMAGES", 4),
                MODIFY, "100000000000000000042");

        assertThat(Json.MAPPER.writeValueAsString(record)).isEqualTo("{\"eventID\":\"" + record.get("eventID").stringValue()
                + "\",\"eventName\":\"MODIFY\",\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\","
                + "\"awsRegion\":\"us-east-1\",\"dynamodb\":{\"ApproximateCreationDateTime\":1764067054,"
                + "\"Keys\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}},"
                + "\"NewImage\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"v\":{\"S\":\"new\"}},"
                + "\"OldImage\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"v\":{\"S\":\"old\"}},"
                + "\"SequenceNumber\":\"100000000000000000042\",\"SizeBytes\":29,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}");
        assertThat(record.get("eventID").stringValue()).matches("[0-9a-f]{32}");
    }

    @Test
    void eventIdIsTheSameWhenAChangeIsWrittenAgain() {
        Stream stream = Streams.stream("Music", "2026-11-25T10:37:34.123", "KEYS_ONLY", 4);
        Stream other = Streams.stream("Music", "2026-11-25T10:37:35.000", "KEYS_ONLY", 4);
        String id = StreamRecords.record(stream, MODIFY, "100000000000000000042").get("eventID").stringValue();

        assertThat(StreamRecords.record(stream, MODIFY, "100000000000000000050").get("eventID").stringValue()).isEqualTo(id);
        assertThat(StreamRecords.record(other, MODIFY, "100000000000000000042").get("eventID").stringValue()).isNotEqualTo(id);
    }

    @Test
    void insertHasNoOldImageAndRemoveNoNewImage() {
        Stream stream = Streams.stream("Music", "2026-11-25T10:37:34.123", "NEW_AND_OLD_IMAGES", 4);
        JsonNode insert = StreamRecords.record(stream, Streams.change("INSERT", 1, "a", null, Streams.item("a", "x")), "1" + "0".repeat(20));
        JsonNode remove = StreamRecords.record(stream, Streams.change("REMOVE", 2, "a", Streams.item("a", "x"), null), "1" + "0".repeat(20));

        assertThat(insert.get("dynamodb").has("OldImage")).isFalse();
        assertThat(remove.get("dynamodb").has("NewImage")).isFalse();
    }

    @Test
    void serviceMadeChangesNameTheirIdentity() {
        ItemChange expiry = new ItemChange("Music", "id-Music", 3, "REMOVE", MODIFY.keys(), MODIFY.oldImage(), null,
                MODIFY.timeMillis(), 0, "dynamodb.amazonaws.com");

        JsonNode record = StreamRecords.record(Streams.stream("Music", "2026-11-25T10:37:34.123", "KEYS_ONLY", 4), expiry,
                "100000000000000000042");

        assertThat(Json.MAPPER.writeValueAsString(record.get("userIdentity")))
                .isEqualTo("{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}");
    }

    @Test
    void kafkaKeyIsThePartitionKeyValue() {
        Stream stream = Streams.stream("Music", "2026-11-25T10:37:34.123", "KEYS_ONLY", 4);
        assertThat(key(stream, new AttributeValue.S("Arturus"))).isEqualTo("Arturus");
        assertThat(key(stream, new AttributeValue.N(new java.math.BigDecimal("1.50")))).isEqualTo("1.5");
        assertThat(key(stream, new AttributeValue.B(new byte[] {1, 2, 3}))).isEqualTo("AQID");
    }

    private static String key(Stream stream, AttributeValue partitionKey) {
        ItemChange change = new ItemChange("Music", "id-Music", 1, "INSERT", Map.of("pk", partitionKey), null, null, 0, 0, null);
        return new String(StreamRecords.partitionKey(stream, change), StandardCharsets.UTF_8);
    }
}
