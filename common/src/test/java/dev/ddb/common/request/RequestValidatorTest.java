package dev.ddb.common.request;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;

class RequestValidatorTest {

    private static void assertError(String operation, String json, String code, String message) {
        assertThatThrownBy(() -> RequestValidator.validate(ServiceModel.owning(operation), operation,
                Json.parseRequest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    private static void assertValid(String operation, String json) {
        assertThatCode(() -> RequestValidator.validate(ServiceModel.owning(operation), operation,
                Json.parseRequest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).doesNotThrowAnyException();
    }

    @Test
    void missingRequiredMembersAreReportedTogetherInModelOrder() {
        assertError("PutItem", "{}", "ValidationException", "2 validation errors detected: "
                + "Value null at 'tableName' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'item' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void aWrongJsonTypeIsASerializationErrorBeforeAnyConstraint() {
        assertError("GetItem", "{\"TableName\": 5}", "SerializationException", "NUMBER_VALUE cannot be converted to String");
        assertError("GetItem", "{\"TableName\": [\"a\"], \"Key\": {}}", "SerializationException", "Start of list found where not expected");
        assertError("GetItem", "{\"TableName\": {}}", "SerializationException", "Start of structure or map found where not expected.");
        assertError("GetItem", "{\"TableName\": \"abc\", \"Key\": {}, \"ConsistentRead\": 1}", "SerializationException",
                "NUMBER_VALUE cannot be converted to Boolean");
        assertError("GetItem", "{\"Key\": \"x\"}", "SerializationException", "Unexpected value type in payload");
        assertError("Scan", "{\"TableName\": \"abc\", \"Segment\": true}", "SerializationException", "TRUE_VALUE cannot be converted to Integer");
        assertError("Scan", "{\"TableName\": \"abc\", \"Segment\": 2147483648}", "SerializationException", "NUMBER_VALUE cannot be converted to Integer");
        assertError("Scan", "{\"TableName\": \"abc\", \"Select\": [\"COUNT\"]}", "SerializationException", "Start of list found where not expected");
    }

    @Test
    void constraintsOfEveryMemberAreCollected() {
        assertError("Scan", "{\"TableName\": \"a!\", \"Segment\": -1, \"TotalSegments\": 0, \"Select\": \"ALL\", \"ReturnConsumedCapacity\": \"x\"}",
                "ValidationException", "6 validation errors detected: "
                        + "Value 'a!' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                        + "Value 'a!' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
                        + "Value 'ALL' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES, SPECIFIC_ATTRIBUTES, COUNT]; "
                        + "Value 'x' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
                        + "Value '0' at 'totalSegments' failed to satisfy constraint: Member must have value greater than or equal to 1; "
                        + "Value '-1' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0");
    }

    @Test
    void nestedMembersAreNamedByTheirPath() {
        assertError("BatchGetItem", "{\"RequestItems\": {\"abc\": {}}}", "ValidationException",
                "1 validation error detected: Value null at 'requestItems.abc.member.keys' failed to satisfy constraint: Member must not be null");
        assertError("BatchWriteItem", "{\"RequestItems\": {\"a\": [{}]}}", "ValidationException",
                "1 validation error detected: Value '{a=[{}]}' at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: "
                        + "[Member must have length less than or equal to 255, Member must have length greater than or equal to 3, "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]");
    }

    @Test
    void tableArnsAreAcceptedWhereTheModelAllowsThem() {
        assertValid("GetItem", "{\"TableName\": \"arn:aws:dynamodb:us-east-1:000000000000:table/x\", \"Key\": {}}");
    }

    @Test
    void stringsMustBeValidUnicode() {
        assertError("UpdateItem", "{\"TableName\": \"abc\", \"Key\": {}, \"ExpressionAttributeNames\": {\"#a\": \"x\\udfff\"}}",
                "SerializationException", Unicode.INVALID_MESSAGE);
        assertError("PutItem", "{\"TableName\": \"abc\", \"Item\": {\"k\": {\"M\": {\"a\": {\"SS\": [\"\\ud800\"]}}}}}",
                "SerializationException", Unicode.INVALID_MESSAGE);
        assertValid("PutItem", "{\"TableName\": \"abc\", \"Item\": {\"k\": {\"S\": \"\\ud83d\\ude00\"}}}");
    }

    @Test
    void blobsAreStrictBase64() {
        assertError("PutItem", "{\"TableName\": \"abc\", \"Item\": {\"k\": {\"B\": \"AQI\"}}}", "SerializationException",
                "'AQI' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 3");
        assertValid("PutItem", "{\"TableName\": \"abc\", \"Item\": {\"k\": {\"B\": \"AQI=\"}}}");
    }

    @Test
    void malformedUtf8IsNotARequest() {
        org.assertj.core.api.Assertions.assertThat(Unicode.isWellFormedUtf8(new byte[] {'a', (byte) 0xC0, (byte) 0x80})).isFalse();
        org.assertj.core.api.Assertions.assertThat(Unicode.isWellFormedUtf8(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).isFalse();
        org.assertj.core.api.Assertions.assertThat(Unicode.isWellFormedUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isFalse();
        org.assertj.core.api.Assertions.assertThat(Unicode.isWellFormedUtf8(new byte[] {(byte) 0x80})).isFalse();
        org.assertj.core.api.Assertions.assertThat(Unicode.isWellFormedUtf8("é😀中".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isTrue();
    }
}
