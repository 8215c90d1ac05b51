package dev.ddb.item.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.json.Json;

class ItemCodecTest {

    /** Every type, nested, with text that needs escaping and numbers DynamoDB writes in its own form. */
    private static Map<String, AttributeValue> everyType() {
        Map<String, AttributeValue> nested = new LinkedHashMap<>();
        nested.put("deep", new AttributeValue.L(List.of(new AttributeValue.S("x"), new AttributeValue.Null())));
        nested.put("n", new AttributeValue.N(new BigDecimal("-0.000120")));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", new AttributeValue.S("quote \" backslash \\ newline \n unicode \u00e9 \uD83D\uDE00"));
        item.put("n", new AttributeValue.N(new BigDecimal("1E+10")));
        item.put("b", new AttributeValue.B(new byte[] {0, 1, 2, (byte) 255}));
        item.put("t", new AttributeValue.Bool(true));
        item.put("f", new AttributeValue.Bool(false));
        item.put("null", new AttributeValue.Null());
        item.put("list", new AttributeValue.L(List.of(new AttributeValue.N(BigDecimal.ONE), new AttributeValue.M(nested))));
        item.put("emptyList", new AttributeValue.L(List.of()));
        item.put("map", new AttributeValue.M(nested));
        item.put("emptyMap", new AttributeValue.M(Map.of()));
        item.put("ss", new AttributeValue.SS(List.of("a", "b")));
        item.put("ns", new AttributeValue.NS(List.of(new BigDecimal("3.14"), new BigDecimal("-2"))));
        item.put("bs", new AttributeValue.BS(List.of(new byte[] {1}, new byte[] {2, 3})));
        item.put("", new AttributeValue.S(""));
        return item;
    }

    /** The stored form before Smile: a JSON tree, written by Jackson (the streaming codec wrote the same bytes). */
    private static byte[] asTheTreeWroteIt(Map<String, AttributeValue> item) {
        return Json.write(AttributeValueJson.writeItem(item));
    }

    @Test
    void everyTypeRoundTripsThroughSmile() {
        byte[] stored = ItemCodec.encode(everyType());
        assertThat(stored).startsWith(':', ')', '\n'); // Smile's header: never '{', so JSON stores read as before
        assertThat(stored.length).isLessThan(asTheTreeWroteIt(everyType()).length);
        Map<String, AttributeValue> decoded = ItemCodec.decode(stored);

        assertThat(decoded.keySet()).containsExactlyElementsOf(everyType().keySet());
        assertThat(Json.write(AttributeValueJson.writeItem(decoded))).isEqualTo(asTheTreeWroteIt(everyType()));
    }

    @Test
    void readsItemsStoredAsJsonText() {
        byte[] stored = asTheTreeWroteIt(everyType());
        Map<String, AttributeValue> decoded = ItemCodec.decode(stored);

        assertThat(decoded.keySet()).containsExactlyElementsOf(everyType().keySet());
        // Compared through their JSON: byte arrays compare by identity inside records.
        assertThat(Json.write(AttributeValueJson.writeItem(decoded)))
                .isEqualTo(Json.write(AttributeValueJson.writeItem(AttributeValueJson.readItem(Json.read(stored)))));
        assertThat(decoded.get("n")).isEqualTo(everyType().get("n"));
        assertThat(decoded.get("ns")).isEqualTo(everyType().get("ns"));
        assertThat(((AttributeValue.B) decoded.get("b")).value()).containsExactly(0, 1, 2, 255);
    }

    @Test
    void anEmptyItemRoundTrips() {
        assertThat(ItemCodec.decode(ItemCodec.encode(Map.of()))).isEmpty();
    }
}
