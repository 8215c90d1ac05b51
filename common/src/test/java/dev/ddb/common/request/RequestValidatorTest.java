package dev.ddb.common.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** How the engine reads the model; every operation's messages are pinned in {@link OperationValidationOrderTest}. */
class RequestValidatorTest {

    private static final String TABLE_NAME_KEYS = "Map keys must satisfy constraint: [Member must have length less than or "
            + "equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression "
            + "pattern: [a-zA-Z0-9_.-]+]";

    private static ObjectNode request(String json) {
        return Json.parseRequest(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(String operation, String json, String code, String message) {
        assertThatThrownBy(() -> RequestValidator.validate(ServiceModel.owning(operation), operation, request(json)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    private static ObjectNode assertValid(String operation, String json) {
        ObjectNode request = request(json);
        assertThatCode(() -> RequestValidator.validate(ServiceModel.owning(operation), operation, request))
                .doesNotThrowAnyException();
        return request;
    }

    @Test
    void theFirstMemberOfAWrongTypeInTheBodyIsTheOneNamed() {
        assertError("Scan", "{'TableName':'abc','Limit':'5','IndexName':5}", "SerializationException",
                "STRING_VALUE cannot be converted to Integer");
        assertError("Scan", "{'TableName':'abc','IndexName':5,'Limit':'5'}", "SerializationException",
                "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void typesAreCheckedBeforeTableNameAlone() {
        assertError("CreateTable", "{'KeySchema':5}", "SerializationException", "Unexpected field type");
    }

    @Test
    void booleansGivenAsDynamoDbsWordsAreReadAsBooleans() {
        ObjectNode get = assertValid("GetItem", "{'TableName':'abc','Key':{},'ConsistentRead':'TRUE'}");
        assertThat(get.get("ConsistentRead").isBoolean()).isTrue();
        assertThat(get.get("ConsistentRead").booleanValue()).isTrue();
        ObjectNode put = assertValid("PutItem", "{'TableName':'abc','Item':{'a':{'BOOL':'no'},'b':{'L':[{'NULL':'1'}]}}}");
        assertThat(put.get("Item").get("a").get("BOOL").booleanValue()).isFalse();
        assertThat(put.get("Item").get("b").get("L").get(0).get("NULL").booleanValue()).isTrue();
    }

    @Test
    void tableArnsAreAcceptedWhereTheModelAllowsThem() {
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + "a".repeat(255);
        assertValid("GetItem", "{'TableName':'" + arn + "','Key':{}}");
        assertValid("DescribeTable", "{'TableName':'" + arn + "'}");
        assertValid("BatchWriteItem", "{'RequestItems':{'" + arn + "':[{'DeleteRequest':{'Key':{}}}]}}");
        // CreateTable names a new table: DynamoDB takes no ARN there
        assertError("CreateTable", "{'TableName':'arn:aws:dynamodb:us-east-1:000000000000:table/Music',"
                        + "'AttributeDefinitions':[],'KeySchema':[{'AttributeName':'a','KeyType':'HASH'}]}", "ValidationException",
                "1 validation error detected: Value 'arn:aws:dynamodb:us-east-1:000000000000:table/Music' at 'tableName' failed "
                        + "to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void everyFailingMapKeyAndValueIsAViolation() {
        // dynalite validations/index.js, validateFns.keys and validateFns.values: one per key, then one per value
        String map = "{a=[], b=[]}";
        String values = "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
                + "Member must have length greater than or equal to 1]";
        assertError("BatchWriteItem", "{'RequestItems':{'a':[],'b':[]}}", "ValidationException",
                "4 validation errors detected: "
                        + "Value '" + map + "' at 'requestItems' failed to satisfy constraint: " + TABLE_NAME_KEYS + "; "
                        + "Value '" + map + "' at 'requestItems' failed to satisfy constraint: " + TABLE_NAME_KEYS + "; "
                        + "Value '" + map + "' at 'requestItems' failed to satisfy constraint: " + values + "; "
                        + "Value '" + map + "' at 'requestItems' failed to satisfy constraint: " + values);
    }

    @Test
    void aNullWhereAStructureBelongsIsCheckedAsAnEmptyStructure() {
        assertError("CreateTable", "{'TableName':'abc','AttributeDefinitions':[],'KeySchema':[null]}", "ValidationException",
                "2 validation errors detected: "
                        + "Value null at 'keySchema.1.member.attributeName' failed to satisfy constraint: Member must not be null; "
                        + "Value null at 'keySchema.1.member.keyType' failed to satisfy constraint: Member must not be null");
        assertValid("GetItem", "{'TableName':'abc','Key':{},'ConsistentRead':null,'Unknown':5}");
    }

    @Test
    void aFractionIsTruncatedBeforeItsRangeIsChecked() {
        assertError("Scan", "{'TableName':'abc','Limit':0.5}", "ValidationException", "1 validation error detected: "
                + "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        ObjectNode scan = assertValid("Scan", "{'TableName':'abc','Limit':5.9,'Segment':-0.5,'TotalSegments':1}");
        assertThat(scan.get("Limit").isInt()).isTrue();
        assertThat(scan.get("Limit").intValue()).isEqualTo(5);
        assertThat(scan.get("Segment").intValue()).isZero();
    }

    @Test
    void stringsMustBeValidUnicode() {
        assertError("UpdateItem", "{'TableName':'abc','Key':{},'ExpressionAttributeNames':{'#a':'x\\udfff'}}",
                "SerializationException", Unicode.INVALID_MESSAGE);
        assertError("PutItem", "{'TableName':'abc','Item':{'k':{'M':{'a':{'SS':['\\ud800']}}}}}",
                "SerializationException", Unicode.INVALID_MESSAGE);
        assertValid("PutItem", "{'TableName':'abc','Item':{'k':{'S':'\\ud83d\\ude00'}}}");
    }

    @Test
    void blobsAreStrictBase64() {
        // dynalite test/helpers.js, assertType 'Blob'
        assertError("PutItem", "{'TableName':'abc','Item':{'k':{'B':'AQI'}}}", "SerializationException",
                "Base64 encoded length is expected a multiple of 4 bytes but found: 3");
        assertError("PutItem", "{'TableName':'abc','Item':{'k':{'B':'AQJ='}}}", "SerializationException",
                "Invalid last non-pad Base64 character dectected");
        assertError("PutItem", "{'TableName':'abc','Item':{'k':{'B':'AQ!='}}}", "SerializationException",
                "Invalid Base64 character: '!'");
        assertValid("PutItem", "{'TableName':'abc','Item':{'k':{'B':'AQI='},'l':{'BS':['AA==','AQID']}}}");
        assertThat(Base64Text.decode("AQI=")).containsExactly(1, 2);
    }

    @Test
    void malformedUtf8IsNotARequest() {
        assertThat(Unicode.isWellFormedUtf8(new byte[] {'a', (byte) 0xC0, (byte) 0x80})).isFalse();
        assertThat(Unicode.isWellFormedUtf8(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).isFalse();
        assertThat(Unicode.isWellFormedUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isFalse();
        assertThat(Unicode.isWellFormedUtf8(new byte[] {(byte) 0x80})).isFalse();
        assertThat(Unicode.isWellFormedUtf8("é😀中".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void operationsWithoutInputAndUnknownOperationsAreLeftAlone() {
        assertValid("DescribeLimits", "{'Anything':5}");
        assertValid("NoSuchOperation", "{'TableName':5}");
    }

    @Test
    void aNullInAListOfConstrainedValuesIsAViolation() {
        // Found by the fuzz: a null NonKeyAttributes element reached table-service and item-service.
        assertError("GetItem", "{'TableName':'abc','Key':{'k':{'S':'x'}},'AttributesToGet':['a',null]}", "ValidationException",
                "1 validation error detected: Value null at 'attributesToGet.2.member' failed to satisfy constraint: "
                        + "Member must not be null");
    }
}
