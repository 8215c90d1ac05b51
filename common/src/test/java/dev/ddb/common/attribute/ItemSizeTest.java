package dev.ddb.common.attribute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ItemSizeTest {

    @Test
    void aStringCountsItsUtf8BytesAsTheEncoderWritesThem() {
        List<String> strings = List.of("", "plain ascii", "café", "€uro", "日本語", "emoji 😀 and 𝄞",
                "lone high \uD83D end", "lone low \uDE00", "\uD83D", "mixed é€😀a\u007F\u0080\u07FF\u0800\uFFFF");
        for (String s : strings) {
            assertThat(ItemSize.utf8Length(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void anItemCountsItsNamesAndValues() {
        // DynamoDB: attribute names and strings by their UTF-8 length, numbers by significant digits
        assertThat(ItemSize.of(Map.of("naïve", new AttributeValue.S("😀")))).isEqualTo(6 + 4);
    }
}
