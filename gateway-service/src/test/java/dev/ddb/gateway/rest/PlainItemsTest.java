package dev.ddb.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.json.Json;

class PlainItemsTest {

    private static ObjectNode document(String json) {
        return PlainItems.readDocument(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyAttributeTypeMapsToDynamoDbsTypedValue() {
        ObjectNode item = PlainItems.toItem(document("""
                {"s": "text", "n": 12.50, "i": 7, "t": true, "f": false, "z": null,
                 "l": ["a", 1, [true]], "m": {"inner": {"x": "y"}},
                 "ss": {"$ss": ["a", "b"]}, "ns": {"$ns": [1, 2.5, "3"]}, "bs": {"$bs": ["AQI=", "Aw=="]},
                 "b": {"$b": "AQID"}, "literal": {"$m": {"$ss": "not a set"}}, "nul": {"$null": true}}"""));

        assertThat(item).isEqualTo(Json.MAPPER.readTree("""
                {"s": {"S": "text"}, "n": {"N": "12.50"}, "i": {"N": "7"}, "t": {"BOOL": true}, "f": {"BOOL": false},
                 "z": {"NULL": true}, "l": {"L": [{"S": "a"}, {"N": "1"}, {"L": [{"BOOL": true}]}]},
                 "m": {"M": {"inner": {"M": {"x": {"S": "y"}}}}},
                 "ss": {"SS": ["a", "b"]}, "ns": {"NS": ["1", "2.5", "3"]}, "bs": {"BS": ["AQI=", "Aw=="]},
                 "b": {"B": "AQID"}, "literal": {"M": {"$ss": {"S": "not a set"}}}, "nul": {"NULL": true}}"""));
        // and the common codec reads it as the attribute values it names
        assertThat(AttributeValueJson.readItem(item).get("ns"))
                .isEqualTo(new AttributeValue.NS(java.util.List.of(BigDecimal.ONE, new BigDecimal("2.5"), new BigDecimal("3"))));
    }

    @Test
    void everyAttributeTypeRoundTrips() {
        String plain = """
                {"s":"text","n":12.5,"t":true,"z":null,"l":["a",1,[true],{"k":"v"}],"m":{"inner":{"x":"y"}},\
                "ss":{"$ss":["a","b"]},"ns":{"$ns":[1,2.5]},"bs":{"$bs":["AQI=","Aw=="]},"b":{"$b":"AQID"},\
                "literal":{"$m":{"$ss":"not a set"}},"empty":{}}""";
        ObjectNode item = PlainItems.toItem(document(plain));
        // as DynamoDB answers it: through the common codec and back
        JsonNode answered = AttributeValueJson.writeItem(AttributeValueJson.readItem(item));
        assertThat(new String(Json.write(PlainItems.fromItem(answered)), StandardCharsets.UTF_8)).isEqualTo(plain);
    }

    @Test
    void numbersAreExactToThirtyEightDigitsAndAcrossTheRange() {
        String[] numbers = {"12345678901234567890123456789012345678", "0.12345678901234567890123456789012345678",
            "-98765432109876543210.123456789", "9.9999999999999999999999999999999999999E+125", "1E-130", "-1E-130", "0"};
        for (String number : numbers) {
            ObjectNode item = PlainItems.toItem(document("{\"n\": " + number + "}"));
            assertThat(new BigDecimal(item.get("n").get("N").stringValue())).isEqualByComparingTo(number);
            JsonNode back = PlainItems.fromItem(AttributeValueJson.writeItem(AttributeValueJson.readItem(item))).get("n");
            assertThat(back.decimalValue()).isEqualByComparingTo(number);
            // written as a JSON number that reads back exactly, never through double
            JsonNode reread = PlainItems.EXACT.readTree(Json.write(PlainItems.fromItem(
                    AttributeValueJson.writeItem(AttributeValueJson.readItem(item)))));
            assertThat(reread.get("n").decimalValue()).isEqualByComparingTo(number);
        }
    }

    @Test
    void aMapThatLooksLikeATagIsWrappedSoItComesBackAsTheSameMap() {
        ObjectNode item = Json.object();
        item.set("m", Json.MAPPER.readTree("{\"M\": {\"$b\": {\"S\": \"not binary\"}}}"));
        JsonNode plain = PlainItems.fromItem(item);
        assertThat(plain.toString()).isEqualTo("{\"m\":{\"$m\":{\"$b\":\"not binary\"}}}");
        assertThat(PlainItems.toItem((ObjectNode) plain)).isEqualTo(item);
    }

    @Test
    void malformedDocumentsAndTagsAreBadRequests() {
        assertThatThrownBy(() -> document("[1]")).isInstanceOf(RestProblem.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> document("{\"a\": ")).isInstanceOf(RestProblem.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> document("")).isInstanceOf(RestProblem.class);
        assertThatThrownBy(() -> PlainItems.toItem(document("{\"a\": {\"$ss\": [1]}}")))
                .isInstanceOf(RestProblem.class).hasMessageContaining("a: a member of $ss is number");
        assertThatThrownBy(() -> PlainItems.toItem(document("{\"a\": {\"$b\": 5}}")))
                .isInstanceOf(RestProblem.class).hasMessageContaining("$b must be a base64 string");
        assertThatThrownBy(() -> PlainItems.toItem(document("{\"a\": {\"$ns\": \"1\"}}")))
                .isInstanceOf(RestProblem.class).hasMessageContaining("$ns must be a JSON array");
        assertThat(((RestProblem) org.assertj.core.api.Assertions.catchThrowable(() -> document("7"))).status()).isEqualTo(400);
    }
}
