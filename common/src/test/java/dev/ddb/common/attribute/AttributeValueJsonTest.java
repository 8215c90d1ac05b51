package dev.ddb.common.attribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;

class AttributeValueJsonTest {

    private static JsonNode json(String text) {
        return Json.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String roundTrip(String text) {
        return AttributeValueJson.writeItem(AttributeValueJson.readItem(json(text))).toString();
    }

    @Test
    void everyTypeRoundTrips() {
        String item = "{\"s\":{\"S\":\"h\u00e9llo\"},\"n\":{\"N\":\"-12.5\"},\"b\":{\"B\":\"AAEC/w==\"},"
                + "\"t\":{\"BOOL\":true},\"z\":{\"NULL\":true},"
                + "\"l\":{\"L\":[{\"S\":\"x\"},{\"N\":\"1\"},{\"L\":[]}]},"
                + "\"m\":{\"M\":{\"inner\":{\"M\":{\"deep\":{\"BOOL\":false}}}}},"
                + "\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2.5\"]},\"bs\":{\"BS\":[\"AQ==\",\"Ag==\"]}}";
        assertThat(json(roundTrip(item))).isEqualTo(json(item));
    }

    @Test
    void numbersKeep38DigitsExactlyAndLoseTrailingZeros() {
        assertThat(roundTrip("{\"n\":{\"N\":\"12345678901234567890123456789012345678\"}}"))
                .contains("12345678901234567890123456789012345678");
        assertThat(roundTrip("{\"n\":{\"N\":\"0.10000000000000000000000000000000000001\"}}"))
                .contains("0.10000000000000000000000000000000000001");
        assertThat(roundTrip("{\"n\":{\"N\":\"1.500\"}}")).isEqualTo("{\"n\":{\"N\":\"1.5\"}}");
        assertThat(roundTrip("{\"n\":{\"N\":\"-0\"}}")).isEqualTo("{\"n\":{\"N\":\"0\"}}");
    }

    @Test
    void numbersBeyondDynamoDbLimitsAreRejected() {
        assertError("{\"n\":{\"N\":\"123456789012345678901234567890123456789\"}}",
                "Attempting to store more than 38 significant digits in a Number");
        assertError("{\"n\":{\"N\":\"1E+126\"}}",
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertError("{\"n\":{\"N\":\"1E-131\"}}",
                "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        assertError("{\"n\":{\"N\":\"abc\"}}", "The parameter cannot be converted to a numeric value: abc");
        // Java reads other scripts' digits as numbers; DynamoDB does not, and nothing may be rewritten.
        assertError("{\"n\":{\"N\":\"\u0661\u0662\u0663\"}}", "The parameter cannot be converted to a numeric value: \u0661\u0662\u0663");
        assertError("{\"n\":{\"NS\":[\"1\", \"\uff11\"]}}", "The parameter cannot be converted to a numeric value: \uff11");
    }

    @Test
    void malformedValuesGetDynamoDbMessages() {
        assertError("{\"a\":{}}", "One or more parameter values were invalid: Supplied AttributeValue is empty, "
                + "must contain exactly one of the supported datatypes");
        assertError("{\"a\":{\"S\":\"x\",\"N\":\"1\"}}", "One or more parameter values were invalid: Supplied "
                + "AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        assertError("{\"a\":{\"SS\":[]}}", "One or more parameter values were invalid: An string set  may not be empty");
        assertError("{\"a\":{\"SS\":[\"x\",\"x\"]}}",
                "One or more parameter values were invalid: Input collection [x, x] contains duplicates.");
        assertError("{\"a\":{\"NS\":[\"1\",\"1.0\"]}}",
                "One or more parameter values were invalid: Input collection contains duplicates.");
        assertError("{\"a\":{\"BS\":[\"/w==\",\"AA==\",\"AA==\"]}}",
                "One or more parameter values were invalid: Input collection [/w==, AA==, AA==]of type BS contains duplicates.");
        assertError("{\"a\":{\"NULL\":false}}",
                "One or more parameter values were invalid: Null attribute value types must have the value of true");
    }

    @Test
    void nestingDeeperThan32LevelsIsRejected() {
        String deep = "{\"S\":\"x\"}";
        for (int i = 0; i < 32; i++) {
            deep = "{\"L\":[" + deep + "]}";
        }
        String item = "{\"a\":" + deep + "}";
        assertError(item, AttributeValueJson.NESTING_TOO_DEEP);
    }

    private static void assertError(String item, String message) {
        assertThatThrownBy(() -> AttributeValueJson.readItem(json(item)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessage(message)
                .extracting(e -> ((DynamoDbException) e).code()).isEqualTo("ValidationException");
    }
}
