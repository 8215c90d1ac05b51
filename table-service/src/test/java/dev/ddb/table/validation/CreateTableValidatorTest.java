package dev.ddb.table.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.request.RequestValidator;
import dev.ddb.common.request.ServiceModel;
import dev.ddb.table.request.CreateTableRequest;
import tools.jackson.databind.node.ObjectNode;

/** CreateTable's validation as it runs: the request validator (common), then CreateTable's own rules. */
class CreateTableValidatorTest {

    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
    private static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
    private static final String DEFINITIONS_A = "'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'S'}]";
    private static final String DEFINITIONS_AB = "'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'S'},"
            + "{'AttributeName':'b','AttributeType':'N'}]";
    private static final String HASH_A = "'KeySchema':[{'AttributeName':'a','KeyType':'HASH'}]";
    private static final String HASH_A_RANGE_B = "'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},"
            + "{'AttributeName':'b','KeyType':'RANGE'}]";
    private static final String THROUGHPUT = "'ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':5}";

    @Nested
    class TableName {

        @Test
        void missingTableNameIsRequired() {
            assertValidation("{" + DEFINITIONS_A + "," + HASH_A + "," + THROUGHPUT + "}",
                    "The parameter 'TableName' is required but was not present in the request");
        }

        @Test
        void shortTableNameIsRejectedWithItsLengthLimits() {
            assertValidation(table("ab", DEFINITIONS_A, HASH_A, THROUGHPUT),
                    "TableName must be at least 3 characters long and at most 255 characters long");
        }

        @Test
        void tableNameLongerThan255IsRejected() {
            assertValidation(table("a".repeat(256), DEFINITIONS_A, HASH_A, THROUGHPUT),
                    "TableName must be at least 3 characters long and at most 255 characters long");
        }

        @Test
        void tableNameOf255IsAccepted() {
            assertValid(table("a".repeat(255), DEFINITIONS_A, HASH_A, THROUGHPUT));
        }

        @Test
        void tableNameOutsideThePatternIsRejected() {
            assertValidation(table("abc;", DEFINITIONS_A, HASH_A, THROUGHPUT),
                    "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }

        @Test
        void tableNameThatIsNotAStringIsASerializationError() {
            DynamoDbException e = rejection("{'TableName':12}");
            assertThat(e.type()).isEqualTo(SERIALIZATION);
            // dynalite test/helpers.js, assertType 'String'
            assertThat(e.getMessage()).isEqualTo("NUMBER_VALUE cannot be converted to String");
        }
    }

    @Nested
    class MemberConstraints {

        @Test
        void missingMembersAreListedTogether() {
            assertValidation("{'TableName':'abc;'}",
                    "3 validation errors detected: "
                            + "Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null; "
                            + "Value 'abc;' at 'tableName' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                            + "Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
        }

        @Test
        void attributeTypeMustBeScalar() {
            assertValidation(table("abc", "'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'SS'}]",
                            HASH_A, THROUGHPUT),
                    "1 validation error detected: Value 'SS' at 'attributeDefinitions.1.member.attributeType' "
                            + "failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
        }

        @Test
        void keySchemaOfThreeElementsIsTooLong() {
            assertValidation(table("abc", DEFINITIONS_AB, "'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},"
                            + "{'AttributeName':'b','KeyType':'RANGE'},{'AttributeName':'c','KeyType':'RANGE'}]", THROUGHPUT),
                    "1 validation error detected: Value '[KeySchemaElement(attributeName=a, keyType=HASH), "
                            + "KeySchemaElement(attributeName=b, keyType=RANGE), KeySchemaElement(attributeName=c, keyType=RANGE)]' "
                            + "at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2");
        }

        @Test
        void emptyKeySchemaIsTooShort() {
            assertValidation(table("abc", DEFINITIONS_A, "'KeySchema':[]", THROUGHPUT),
                    "1 validation error detected: Value '[]' at 'keySchema' failed to satisfy constraint: "
                            + "Member must have length greater than or equal to 1");
        }

        @Test
        void keyTypeMustBeHashOrRange() {
            assertValidation(table("abc", DEFINITIONS_A, "'KeySchema':[{'AttributeName':'a','KeyType':'Woop'}]", THROUGHPUT),
                    "1 validation error detected: Value 'Woop' at 'keySchema.1.member.keyType' failed to satisfy constraint: "
                            + "Member must satisfy enum value set: [HASH, RANGE]");
        }

        @Test
        void capacityUnitsMustBeAtLeastOne() {
            assertValidation(table("abc", DEFINITIONS_A, HASH_A,
                            "'ProvisionedThroughput':{'ReadCapacityUnits':0,'WriteCapacityUnits':0}"),
                    "2 validation errors detected: "
                            + "Value '0' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: "
                            + "Member must have value greater than or equal to 1; "
                            + "Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: "
                            + "Member must have value greater than or equal to 1");
        }

        @Test
        void capacityUnitsMustBeNumbers() {
            DynamoDbException e = rejection(table("abc", DEFINITIONS_A, HASH_A,
                    "'ProvisionedThroughput':{'ReadCapacityUnits':'5','WriteCapacityUnits':5}"));
            assertThat(e.type()).isEqualTo(SERIALIZATION);
            // dynalite test/helpers.js, assertType 'Long'
            assertThat(e.getMessage()).isEqualTo("STRING_VALUE cannot be converted to Long");
        }

        @Test
        void billingModeMustBeKnown() {
            assertValidation(table("abc", DEFINITIONS_A, HASH_A, "'BillingMode':'ON_DEMAND'"),
                    "1 validation error detected: Value 'ON_DEMAND' at 'billingMode' failed to satisfy constraint: "
                            + "Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        }

        @Test
        void atMostTenViolationsAreReported() {
            String nineEmptyIndexes = "'GlobalSecondaryIndexes':[{},{},{},{},{},{},{},{},{}]";
            DynamoDbException e = rejection(table("abc", DEFINITIONS_A, HASH_A, THROUGHPUT, nineEmptyIndexes));
            assertThat(e.getMessage()).startsWith("10 validation errors detected: ");
        }
    }

    @Nested
    class Billing {

        @Test
        void provisionedTableNeedsThroughput() {
            assertValidation(table("abc", DEFINITIONS_A, HASH_A),
                    "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be "
                            + "specified when BillingMode is PROVISIONED");
        }

        @Test
        void explicitlyProvisionedTableNeedsThroughput() {
            assertValidation(table("abc", DEFINITIONS_A, HASH_A, "'BillingMode':'PROVISIONED'"),
                    "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be "
                            + "specified when BillingMode is PROVISIONED");
        }

        @Test
        void payPerRequestTableMustNotHaveThroughput() {
            assertValidation(table("abc", DEFINITIONS_A, HASH_A, THROUGHPUT, "'BillingMode':'PAY_PER_REQUEST'"),
                    "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be "
                            + "specified when BillingMode is PAY_PER_REQUEST");
        }

        @Test
        void capacityBeyondDynamoDbsBoundIsRejected() {
            assertValidation(table("abc", DEFINITIONS_A, HASH_A,
                            "'ProvisionedThroughput':{'ReadCapacityUnits':1000000000001,'WriteCapacityUnits':1}"),
                    "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
        }
    }

    @Nested
    class KeySchemaAndAttributeDefinitions {

        @Test
        void hashKeyMustBeDefined() {
            assertValidation(table("abc", "'AttributeDefinitions':[{'AttributeName':'b','AttributeType':'S'}]", HASH_A, THROUGHPUT),
                    "One or more parameter values were invalid: Some index key attributes are not defined in "
                            + "AttributeDefinitions. Keys: [a], AttributeDefinitions: [b]");
        }

        @Test
        void undefinedKeyOfATwoKeySchemaHasAMessageOfItsOwn() {
            assertValidation(table("abc", DEFINITIONS_A, HASH_A_RANGE_B, THROUGHPUT),
                    "Invalid KeySchema: Some index key attribute have no definition");
        }

        @Test
        void unusedAttributeDefinitionIsRejected() {
            assertValidation(table("abc", DEFINITIONS_AB, HASH_A, THROUGHPUT),
                    "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match "
                            + "number of attributes defined in AttributeDefinitions");
        }

        @Test
        void firstKeyMustBeHash() {
            assertValidation(table("abc", DEFINITIONS_AB, "'KeySchema':[{'AttributeName':'a','KeyType':'RANGE'},"
                            + "{'AttributeName':'b','KeyType':'HASH'}]", THROUGHPUT),
                    "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }

        @Test
        void secondKeyMustBeRange() {
            assertValidation(table("abc", DEFINITIONS_AB, "'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},"
                            + "{'AttributeName':'b','KeyType':'HASH'}]", THROUGHPUT),
                    "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }

        @Test
        void hashAndRangeKeyMustDiffer() {
            assertValidation(table("abc", DEFINITIONS_AB, "'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},"
                            + "{'AttributeName':'a','KeyType':'RANGE'}]", THROUGHPUT),
                    "Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }

        @Test
        void hashAndRangeTableIsValid() {
            assertValid(table("abc", DEFINITIONS_AB, HASH_A_RANGE_B, THROUGHPUT));
        }
    }

    @Nested
    class SecondaryIndexes {

        private static final String DEFINITIONS_ABC = "'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'S'},"
                + "{'AttributeName':'b','AttributeType':'N'},{'AttributeName':'c','AttributeType':'B'}]";

        @Test
        void globalIndexKeysMustBeDefined() {
            assertValidation(table("abc", DEFINITIONS_AB, HASH_A_RANGE_B, THROUGHPUT,
                            gsi("idx", "'KeySchema':[{'AttributeName':'c','KeyType':'HASH'}]", "'Projection':{'ProjectionType':'ALL'}", THROUGHPUT)),
                    "One or more parameter values were invalid: Some index key attributes are not defined in "
                            + "AttributeDefinitions. Keys: [c], AttributeDefinitions: [a, b]");
        }

        @Test
        void attributeDefinitionUnusedByAnyKeySchemaIsRejected() {
            assertValidation(table("abc", DEFINITIONS_ABC, HASH_A, THROUGHPUT,
                            gsi("idx", "'KeySchema':[{'AttributeName':'b','KeyType':'HASH'}]", "'Projection':{'ProjectionType':'ALL'}", THROUGHPUT)),
                    "One or more parameter values were invalid: Some AttributeDefinitions are not used. "
                            + "AttributeDefinitions: [a, b, c], keys used: [a, b]");
        }

        @Test
        void globalIndexOfAProvisionedTableNeedsThroughput() {
            assertValidation(table("abc", DEFINITIONS_AB, HASH_A, THROUGHPUT,
                            gsi("idx", "'KeySchema':[{'AttributeName':'b','KeyType':'HASH'}]", "'Projection':{'ProjectionType':'ALL'}")),
                    "One or more parameter values were invalid: ProvisionedThroughput is not specified for index: idx");
        }

        @Test
        void globalIndexOfAPayPerRequestTableMustNotHaveThroughput() {
            assertValidation(table("abc", DEFINITIONS_AB, HASH_A, "'BillingMode':'PAY_PER_REQUEST'",
                            gsi("idx", "'KeySchema':[{'AttributeName':'b','KeyType':'HASH'}]", "'Projection':{'ProjectionType':'ALL'}", THROUGHPUT)),
                    "One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: idx "
                            + "when BillingMode is PAY_PER_REQUEST");
        }

        @Test
        void indexNameFollowsTheTableNameConstraints() {
            assertValidation(table("abc", DEFINITIONS_AB, HASH_A, THROUGHPUT,
                            gsi("i;", "'KeySchema':[{'AttributeName':'b','KeyType':'HASH'}]", "'Projection':{'ProjectionType':'ALL'}", THROUGHPUT)),
                    "2 validation errors detected: "
                            + "Value 'i;' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                            + "Value 'i;' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: "
                            + "Member must have length greater than or equal to 3");
        }

        @Test
        void projectionTypeIsRequired() {
            assertValidation(table("abc", DEFINITIONS_AB, HASH_A, THROUGHPUT,
                            gsi("idx", "'KeySchema':[{'AttributeName':'b','KeyType':'HASH'}]", "'Projection':{}", THROUGHPUT)),
                    "One or more parameter values were invalid: Unknown ProjectionType: null");
        }

        @Test
        void nonKeyAttributesNeedProjectionTypeInclude() {
            assertValidation(table("abc", DEFINITIONS_AB, HASH_A, THROUGHPUT,
                            gsi("idx", "'KeySchema':[{'AttributeName':'b','KeyType':'HASH'}]",
                                    "'Projection':{'ProjectionType':'ALL','NonKeyAttributes':['x']}", THROUGHPUT)),
                    "One or more parameter values were invalid: ProjectionType is ALL, but NonKeyAttributes is specified");
        }

        @Test
        void localIndexNeedsATableRangeKey() {
            assertValidation(table("abc", DEFINITIONS_AB, HASH_A, THROUGHPUT,
                            lsi("idx", "'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'b','KeyType':'RANGE'}]")),
                    "One or more parameter values were invalid: Table KeySchema does not have a range key, which is "
                            + "required when specifying a LocalSecondaryIndex");
        }

        @Test
        void localIndexMustShareTheTableHashKey() {
            assertValidation(table("abc", DEFINITIONS_ABC, HASH_A_RANGE_B, THROUGHPUT,
                            lsi("idx", "'KeySchema':[{'AttributeName':'c','KeyType':'HASH'},{'AttributeName':'b','KeyType':'RANGE'}]")),
                    "One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as "
                            + "table KeySchema for index: idx. index hash key: c, table hash key: a");
        }

        @Test
        void indexNamesMustBeUniqueAcrossLocalAndGlobalIndexes() {
            assertValidation(table("abc", DEFINITIONS_ABC, HASH_A_RANGE_B, THROUGHPUT,
                            lsi("idx", "'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'c','KeyType':'RANGE'}]"),
                            gsi("idx", "'KeySchema':[{'AttributeName':'c','KeyType':'HASH'}]", "'Projection':{'ProjectionType':'KEYS_ONLY'}", THROUGHPUT)),
                    "One or more parameter values were invalid: Duplicate index name: idx");
        }

        @Test
        void unusedAttributeDefinitionMasksTheIndexesProjectionRules() {
            assertValidation(table("abc", DEFINITIONS_ABC, HASH_A, THROUGHPUT,
                            gsi("idx", "'KeySchema':[{'AttributeName':'b','KeyType':'HASH'}]", "'Projection':{}", THROUGHPUT)),
                    "One or more parameter values were invalid: Some AttributeDefinitions are not used. "
                            + "AttributeDefinitions: [a, b, c], keys used: [a, b]");
        }

        @Test
        void localIndexKeyRulesComeBeforeUnusedAttributeDefinitions() {
            // dynalite test/createTable.js "should return ValidationException for 14"
            assertValidation(table("abc", DEFINITIONS_AB, HASH_A, THROUGHPUT,
                            lsi("idx", "'KeySchema':[{'AttributeName':'a','KeyType':'HASH'}]")),
                    "One or more parameter values were invalid: Table KeySchema does not have a range key, which is "
                            + "required when specifying a LocalSecondaryIndex");
        }

        @Test
        void includeNeedsNonKeyAttributes() {
            assertValidation(table("abc", DEFINITIONS_AB, HASH_A, THROUGHPUT,
                            gsi("idx", "'KeySchema':[{'AttributeName':'b','KeyType':'HASH'}]", "'Projection':{'ProjectionType':'INCLUDE'}", THROUGHPUT)),
                    "One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }

        @Test
        void attributeDefinedTwiceIsRejected() {
            assertValidation(table("abc", "'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'S'},"
                            + "{'AttributeName':'a','AttributeType':'N'}]", HASH_A, THROUGHPUT),
                    "Attribute Name is duplicated: a");
        }

        @Test
        void emptyIndexListIsRejected() {
            assertValidation(table("abc", DEFINITIONS_A, HASH_A, THROUGHPUT, "'GlobalSecondaryIndexes':[]"),
                    "One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty");
        }

        @Test
        void tableWithLocalAndGlobalIndexesIsValid() {
            assertValid(table("abc", DEFINITIONS_ABC, HASH_A_RANGE_B, "'BillingMode':'PAY_PER_REQUEST'",
                    lsi("local", "'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'c','KeyType':'RANGE'}]"),
                    gsi("global", "'KeySchema':[{'AttributeName':'c','KeyType':'HASH'},{'AttributeName':'b','KeyType':'RANGE'}]",
                            "'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['x']}")));
        }

        private static String gsi(String name, String... members) {
            return "'GlobalSecondaryIndexes':[{'IndexName':'" + name + "'," + String.join(",", members) + "}]";
        }

        private static String lsi(String name, String keySchema) {
            return "'LocalSecondaryIndexes':[{'IndexName':'" + name + "'," + keySchema + ",'Projection':{'ProjectionType':'ALL'}}]";
        }
    }

    @Nested
    class Streams {

        @Test
        void enabledStreamNeedsAViewType() {
            assertValidation(table("abc", DEFINITIONS_A, HASH_A, THROUGHPUT, "'StreamSpecification':{'StreamEnabled':true}"),
                    "One or more parameter values were invalid: Table is being created with a stream enabled, "
                            + "UpdateViewType is required");
        }

        @Test
        void disabledStreamMustNotHaveAViewType() {
            assertValidation(table("abc", DEFINITIONS_A, HASH_A, THROUGHPUT,
                            "'StreamSpecification':{'StreamEnabled':false,'StreamViewType':'KEYS_ONLY'}"),
                    "One or more parameter values were invalid: Table is being created with a stream disabled, "
                            + "UpdateViewType should not be specified");
        }

        @Test
        void streamEnabledIsRequired() {
            assertValidation(table("abc", DEFINITIONS_A, HASH_A, THROUGHPUT, "'StreamSpecification':{}"),
                    "1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to satisfy "
                            + "constraint: Member must not be null");
        }

        @Test
        void viewTypeMustBeKnown() {
            assertValidation(table("abc", DEFINITIONS_A, HASH_A, THROUGHPUT,
                            "'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'ALL'}"),
                    "1 validation error detected: Value 'ALL' at 'streamSpecification.streamViewType' failed to satisfy "
                            + "constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]");
        }
    }

    private static String table(String name, String... members) {
        return "{'TableName':'" + name + "'," + String.join(",", members) + "}";
    }

    private static void assertValidation(String request, String message) {
        DynamoDbException e = rejection(request);
        assertThat(e.type()).isEqualTo(VALIDATION);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    private static void assertValid(String request) {
        assertThatCode(() -> validate(request)).doesNotThrowAnyException();
    }

    private static DynamoDbException rejection(String request) {
        return assertThrows(DynamoDbException.class, () -> validate(request));
    }

    /**
     * What the dispatcher does before CreateTable runs (the request validator: types, TableName,
     * member constraints), then CreateTable's own rules. Requests are written with ' for " to stay readable.
     */
    private static void validate(String request) {
        ObjectNode body = Json.parseRequest(request.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
        RequestValidator.validate(ServiceModel.DYNAMODB, "CreateTable", body);
        CreateTableValidator.validate(CreateTableRequest.read(body));
    }
}
