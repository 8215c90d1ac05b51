package dev.ddb.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.DynamoNumber;

class ItemChangeTest {

    private static final Map<String, AttributeValue> KEYS = Map.of("pk", new AttributeValue.S("a"));

    @Test
    void changeReadsBackAsWritten() {
        Map<String, AttributeValue> image = new LinkedHashMap<>(KEYS);
        image.put("n", new AttributeValue.N(DynamoNumber.parse("12345678901234567890.123")));
        image.put("l", new AttributeValue.L(List.of(new AttributeValue.Bool(true), new AttributeValue.Null(),
                new AttributeValue.M(Map.of("b", new AttributeValue.B(new byte[] {1, 2, 3}))))));
        image.put("ss", new AttributeValue.SS(List.of("x", "y")));
        ItemChange change = new ItemChange("Music", "id-1", 42, "MODIFY", KEYS, KEYS, image, 1_764_000_000_123L, 77, "dynamodb.amazonaws.com");

        ItemChange read = ItemChange.fromJson(change.toJson());

        assertThat(read).usingRecursiveComparison().isEqualTo(change);
    }

    @Test
    void headIsReadWithoutTheImages() {
        ItemChange change = new ItemChange("Music", "id-1", 42, "INSERT", KEYS, null, Map.of("pk", new AttributeValue.S("##")),
                1_764_000_000_123L, 10, null);
        // an image that is not UTF-8: the whole change cannot be read, its head can
        String text = new String(change.toJson(), StandardCharsets.ISO_8859_1).replace("\"##\"", "\"\u00FF\u00FE\"");
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(ItemChange.head(bytes)).isEqualTo(new ItemChange.Head("id-1", 42, 1_764_000_000_123L));
        assertThatThrownBy(() -> ItemChange.fromJson(bytes)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void changesOfEarlierVersionsWithTheTimeLastAreRead() {
        String earlier = """
                {"tableName":"Music","tableId":"id-1","sequence":7,"eventName":"REMOVE","keys":{"pk":{"S":"a"}},\
                "oldImage":{"pk":{"S":"a"},"v":{"N":"1"}},"time":1764000000000,"sizeBytes":12,"later":{"x":[1,2]}}""";
        byte[] bytes = earlier.getBytes(StandardCharsets.UTF_8);

        assertThat(ItemChange.head(bytes)).isEqualTo(new ItemChange.Head("id-1", 7, 1_764_000_000_000L));
        ItemChange read = ItemChange.fromJson(bytes);
        assertThat(read.eventName()).isEqualTo("REMOVE");
        assertThat(read.oldImage()).containsEntry("v", new AttributeValue.N(DynamoNumber.parse("1")));
        assertThat(read.newImage()).isNull();
        assertThat(read.timeMillis()).isEqualTo(1_764_000_000_000L);
    }

    @Test
    void whatIsNotAChangeIsRejected() {
        byte[] noTime = "{\"tableName\":\"Music\",\"tableId\":\"id-1\",\"sequence\":7}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ItemChange.head(noTime)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemChange.fromJson(noTime)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemChange.head("not json".getBytes(StandardCharsets.UTF_8))).isInstanceOf(RuntimeException.class);
    }
}
