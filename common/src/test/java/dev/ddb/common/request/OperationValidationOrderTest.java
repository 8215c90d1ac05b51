package dev.ddb.common.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;

/**
 * Pins DynamoDB's validation of every implemented operation's members, in DynamoDB's order: an
 * empty request, members of the wrong JSON type (SerializationException), several constraint
 * violations reported together, and a type error winning over constraint violations. Expected
 * messages come from dynalite's tests (github.com/architect/dynalite, test/&lt;operation&gt;.js and
 * test/helpers.js), which were written against DynamoDB; the comment on a case names the test.
 * Requests are written with ' for " to stay readable.
 */
class OperationValidationOrderTest {

    static final List<String> DYNAMODB_OPERATIONS = List.of("CreateTable", "DescribeTable", "ListTables", "UpdateTable",
            "DeleteTable", "PutItem", "GetItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem", "BatchWriteItem");
    static final List<String> STREAMS_OPERATIONS = List.of("ListStreams", "DescribeStream", "GetShardIterator", "GetRecords");

    private static final String PATTERN = "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+";
    private static final String TABLE_NAME_REQUIRED = "The parameter 'TableName' is required but was not present in the request";
    private static final String TABLE_NAME_LENGTH = "TableName must be at least 3 characters long and at most 255 characters long";
    private static final String FIELD = "Unexpected field type";
    private static final String VALUE = "Unexpected value type in payload";
    private static final String STRUCTURE = "Start of structure or map found where not expected";
    private static final String NOT_A_COLLECTION = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl "
            + "cannot be cast to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl "
            + "and java.lang.Class are in module java.base of loader 'bootstrap')";
    private static final String MODEL = "com.amazonaws.dynamodb.v20120810.";
    private static final String ATTRIBUTE_VALUE_MAP = "Unrecognized collection type java.util.Map<java.lang.String, "
            + MODEL + "AttributeValue>";
    private static final String COMPARISON_OPERATORS =
            "IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS";
    private static final String SELECT = "SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES";
    private static final String RETURN_VALUES = "ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW";
    private static final String STREAM_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/Music/stream/2026-11-25T10:37:34.123";

    /** One request and DynamoDB's answer to it: null when the request passes validation. */
    record Case(String operation, String request, String error, String message) {

        @Override
        public String toString() {
            return operation + " " + request;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyRequests")
    void anEmptyRequestListsEveryMissingRequiredMember(Case c) {
        assertAnswer(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongJsonTypes")
    void aMemberOfTheWrongJsonTypeIsASerializationException(Case c) {
        assertAnswer(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constraintViolations")
    void constraintViolationsAreReportedTogetherInDynamoDbsOrder(Case c) {
        assertAnswer(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeErrorsAmongConstraintViolations")
    void aTypeErrorWinsOverConstraintViolations(Case c) {
        assertAnswer(c);
    }

    @Test
    void everyImplementedOperationIsPinnedInEveryRespect() {
        Set<String> all = new TreeSet<>(DYNAMODB_OPERATIONS);
        all.addAll(STREAMS_OPERATIONS);
        for (Supplier<Stream<Case>> cases : List.<Supplier<Stream<Case>>>of(OperationValidationOrderTest::emptyRequests,
                OperationValidationOrderTest::wrongJsonTypes, OperationValidationOrderTest::constraintViolations,
                OperationValidationOrderTest::typeErrorsAmongConstraintViolations)) {
            Set<String> covered = cases.get().map(Case::operation).collect(Collectors.toCollection(TreeSet::new));
            assertThat(covered).isEqualTo(all);
        }
    }

    static Stream<Case> emptyRequests() {
        return Stream.of(
                // dynalite test/createTable.js, describeTable.js, deleteTable.js, updateTable.js: "no TableName"
                invalid("CreateTable", "{}", TABLE_NAME_REQUIRED),
                invalid("DescribeTable", "{}", TABLE_NAME_REQUIRED),
                invalid("DeleteTable", "{}", TABLE_NAME_REQUIRED),
                invalid("UpdateTable", "{}", TABLE_NAME_REQUIRED),
                // test/listTables.js "should return 200 if no params"
                valid("ListTables", "{}"),
                // test/putItem.js, getItem.js "no TableName" (dynalite accepts either order; ours is validations/*.js's)
                invalid("PutItem", "{}", errors(isNull("tableName"), isNull("item"))),
                invalid("GetItem", "{}", errors(isNull("tableName"), isNull("key"))),
                invalid("UpdateItem", "{}", errors(isNull("tableName"), isNull("key"))),
                invalid("DeleteItem", "{}", errors(isNull("tableName"), isNull("key"))),
                // test/query.js, scan.js "no TableName"
                invalid("Query", "{}", errors(isNull("tableName"))),
                invalid("Scan", "{}", errors(isNull("tableName"))),
                invalid("BatchGetItem", "{}", errors(isNull("requestItems"))),
                // test/batchWriteItem.js "empty body"
                invalid("BatchWriteItem", "{}", errors(isNull("requestItems"))),
                valid("ListStreams", "{}"),
                invalid("DescribeStream", "{}", errors(isNull("streamArn"))),
                invalid("GetShardIterator", "{}", errors(isNull("streamArn"), isNull("shardId"), isNull("shardIteratorType"))),
                invalid("GetRecords", "{}", errors(isNull("shardIterator"))));
    }

    /** The messages of dynalite's test/helpers.js, assertType, for each kind of member and what it is given. */
    static Stream<Case> wrongJsonTypes() {
        return Stream.of(
                // assertType 'String'
                malformed("CreateTable", "{'TableName':12}", "NUMBER_VALUE cannot be converted to String"),
                malformed("CreateTable", "{'TableName':true}", "TRUE_VALUE cannot be converted to String"),
                malformed("CreateTable", "{'TableName':34.56}", "DECIMAL_VALUE cannot be converted to String"),
                malformed("CreateTable", "{'TableName':[]}", "Unrecognized collection type class java.lang.String"),
                malformed("CreateTable", "{'TableName':{}}", STRUCTURE),
                // assertType 'List', 'ValueStruct<AttributeDefinition>', 'FieldStruct<ProvisionedThroughput>', 'Long'
                malformed("CreateTable", "{'TableName':'abc','AttributeDefinitions':'a'}", FIELD),
                malformed("CreateTable", "{'TableName':'abc','AttributeDefinitions':{}}", STRUCTURE),
                malformed("CreateTable", "{'TableName':'abc','AttributeDefinitions':['a']}", VALUE),
                malformed("CreateTable", "{'TableName':'abc','AttributeDefinitions':[[]]}",
                        "Unrecognized collection type class " + MODEL + "AttributeDefinition"),
                malformed("CreateTable", "{'TableName':'abc','ProvisionedThroughput':23}", FIELD),
                malformed("CreateTable", "{'TableName':'abc','ProvisionedThroughput':[]}",
                        "Unrecognized collection type class " + MODEL + "ProvisionedThroughput"),
                malformed("CreateTable", "{'TableName':'abc','ProvisionedThroughput':{'WriteCapacityUnits':'23'}}",
                        "STRING_VALUE cannot be converted to Long"),
                malformed("CreateTable", "{'TableName':'abc','ProvisionedThroughput':{'WriteCapacityUnits':false}}",
                        "FALSE_VALUE cannot be converted to Long"),
                malformed("CreateTable", "{'TableName':'abc','ProvisionedThroughput':{'ReadCapacityUnits':[]}}",
                        "Unrecognized collection type class java.lang.Long"),
                // assertType 'Boolean'
                malformed("CreateTable", "{'TableName':'abc','DeletionProtectionEnabled':'23'}", "Unexpected token received from parser"),
                malformed("CreateTable", "{'TableName':'abc','DeletionProtectionEnabled':23}", "NUMBER_VALUE cannot be converted to Boolean"),
                malformed("CreateTable", "{'TableName':'abc','StreamSpecification':{'StreamEnabled':34.56}}",
                        "DECIMAL_VALUE cannot be converted to Boolean"),
                malformed("CreateTable", "{'TableName':'abc','DeletionProtectionEnabled':[]}",
                        "Unrecognized collection type class java.lang.Boolean"),
                malformed("CreateTable", "{'TableName':'abc','DeletionProtectionEnabled':{}}", STRUCTURE),
                // test/describeTable.js, deleteTable.js: assertType('TableName', 'String')
                malformed("DescribeTable", "{'TableName':-2147483648}", "NUMBER_VALUE cannot be converted to String"),
                malformed("DescribeTable", "{'TableName':[]}", "Unrecognized collection type class java.lang.String"),
                malformed("DeleteTable", "{'TableName':false}", "FALSE_VALUE cannot be converted to String"),
                malformed("DeleteTable", "{'TableName':{}}", STRUCTURE),
                // test/listTables.js: assertType 'String', 'Integer'
                malformed("ListTables", "{'ExclusiveStartTableName':23}", "NUMBER_VALUE cannot be converted to String"),
                malformed("ListTables", "{'Limit':'23'}", "STRING_VALUE cannot be converted to Integer"),
                malformed("ListTables", "{'Limit':true}", "TRUE_VALUE cannot be converted to Integer"),
                malformed("ListTables", "{'Limit':[]}", "Unrecognized collection type class java.lang.Integer"),
                malformed("ListTables", "{'Limit':{}}", STRUCTURE),
                malformed("ListTables", "{'Limit':2147483648}", "NUMBER_VALUE cannot be converted to Integer"),
                // test/updateTable.js: ProvisionedThroughput, GlobalSecondaryIndexUpdates and their parts
                malformed("UpdateTable", "{'TableName':'abc','ProvisionedThroughput':'23'}", FIELD),
                malformed("UpdateTable", "{'TableName':'abc','GlobalSecondaryIndexUpdates':23}", FIELD),
                malformed("UpdateTable", "{'TableName':'abc','GlobalSecondaryIndexUpdates':['a']}", VALUE),
                malformed("UpdateTable", "{'TableName':'abc','GlobalSecondaryIndexUpdates':[{'Update':'a'}]}", FIELD),
                malformed("UpdateTable", "{'TableName':'abc','GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':5}}]}",
                        "NUMBER_VALUE cannot be converted to String"),
                malformed("UpdateTable", "{'TableName':'abc','StreamSpecification':{'StreamEnabled':'maybe'}}",
                        "Unexpected token received from parser"),
                // test/putItem.js: Item 'Map<AttributeValue>', Item.Attr 'AttrStruct<ValueStruct>', Expected.Attr.Value
                // 'AttrStruct<FieldStruct>', ExpressionAttributeNames 'Map<java.lang.String>'
                malformed("PutItem", "{'TableName':'abc','Item':'23'}", FIELD),
                malformed("PutItem", "{'TableName':'abc','Item':[]}", ATTRIBUTE_VALUE_MAP),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':23}}", VALUE),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':[]}}", "Unrecognized collection type class " + MODEL + "AttributeValue"),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':{'S':23}}}", "NUMBER_VALUE cannot be converted to String"),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':{'B':true}}}", "only base-64-encoded strings are convertible to bytes"),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':{'B':[]}}}", "Unrecognized collection type class java.nio.ByteBuffer"),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':{'B':'23456'}}}",
                        "Base64 encoded length is expected a multiple of 4 bytes but found: 5"),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':{'B':'=+/='}}}", "Invalid last non-pad Base64 character dectected"),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':{'BS':['+/+=']}}}", "Invalid last non-pad Base64 character dectected"),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':{'BOOL':'23'}}}", "Unexpected token received from parser"),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':{'NULL':23}}}", "NUMBER_VALUE cannot be converted to Boolean"),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':{'SS':[23]}}}", "NUMBER_VALUE cannot be converted to String"),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':{'L':'23'}}}", FIELD),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':{'L':['23']}}}", VALUE),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':{'M':[]}}}", ATTRIBUTE_VALUE_MAP),
                malformed("PutItem", "{'TableName':'abc','Item':{'a':{'M':{'b':{'BS':[23]}}}}}",
                        "only base-64-encoded strings are convertible to bytes"),
                malformed("PutItem", "{'TableName':'abc','Item':{},'Expected':[]}",
                        "Unrecognized collection type java.util.Map<java.lang.String, " + MODEL + "ExpectedAttributeValue>"),
                malformed("PutItem", "{'TableName':'abc','Item':{},'Expected':{'a':{'Value':'23'}}}", FIELD),
                malformed("PutItem", "{'TableName':'abc','Item':{},'ExpressionAttributeNames':[]}",
                        "Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>"),
                malformed("PutItem", "{'TableName':'abc','Item':{},'ExpressionAttributeNames':{'#a':23}}",
                        "NUMBER_VALUE cannot be converted to String"),
                // test/getItem.js
                malformed("GetItem", "{'TableName':'abc','Key':{},'ConsistentRead':'23'}", "Unexpected token received from parser"),
                malformed("GetItem", "{'TableName':'abc','Key':{},'ConsistentRead':-2147483648}", "NUMBER_VALUE cannot be converted to Boolean"),
                malformed("GetItem", "{'TableName':'abc','Key':{},'AttributesToGet':'a'}", FIELD),
                malformed("GetItem", "{'TableName':'abc','Key':{},'AttributesToGet':[true]}", "TRUE_VALUE cannot be converted to String"),
                malformed("GetItem", "{'TableName':'abc','Key':[]}", ATTRIBUTE_VALUE_MAP),
                // test/updateItem.js: AttributeUpdates 'Map<AttributeValueUpdate>', .Attr 'ValueStruct<AttributeValueUpdate>'
                malformed("UpdateItem", "{'TableName':'abc','Key':{},'AttributeUpdates':'23'}", FIELD),
                malformed("UpdateItem", "{'TableName':'abc','Key':{},'AttributeUpdates':{'a':'23'}}", VALUE),
                malformed("UpdateItem", "{'TableName':'abc','Key':{},'AttributeUpdates':{'a':[]}}",
                        "Unrecognized collection type class " + MODEL + "AttributeValueUpdate"),
                malformed("UpdateItem", "{'TableName':'abc','Key':{},'AttributeUpdates':{'a':{'Value':'23'}}}", FIELD),
                malformed("UpdateItem", "{'TableName':'abc','Key':{},'UpdateExpression':23}", "NUMBER_VALUE cannot be converted to String"),
                malformed("UpdateItem", "{'TableName':'abc','Key':{},'ExpressionAttributeValues':{':a':'23'}}", VALUE),
                // test/deleteItem.js
                malformed("DeleteItem", "{'TableName':'abc','Key':'23'}", FIELD),
                malformed("DeleteItem", "{'TableName':'abc','Key':{},'Expected':{'a':{'Exists':'23'}}}", "Unexpected token received from parser"),
                malformed("DeleteItem", "{'TableName':'abc','Key':{},'ConditionExpression':[]}",
                        "Unrecognized collection type class java.lang.String"),
                // test/query.js: KeyConditions 'Map<Condition>', .Attr 'ValueStruct<Condition>'
                malformed("Query", "{'TableName':'abc','Limit':'23'}", "STRING_VALUE cannot be converted to Integer"),
                malformed("Query", "{'TableName':'abc','ScanIndexForward':'23'}", "Unexpected token received from parser"),
                malformed("Query", "{'TableName':'abc','KeyConditions':[]}",
                        "Unrecognized collection type java.util.Map<java.lang.String, " + MODEL + "Condition>"),
                malformed("Query", "{'TableName':'abc','KeyConditions':{'a':'23'}}", VALUE),
                malformed("Query", "{'TableName':'abc','KeyConditions':{'a':{'AttributeValueList':'23'}}}", FIELD),
                malformed("Query", "{'TableName':'abc','QueryFilter':{'a':{'ComparisonOperator':23}}}",
                        "NUMBER_VALUE cannot be converted to String"),
                malformed("Query", "{'TableName':'abc','ExclusiveStartKey':{'a':{'N':23}}}", "NUMBER_VALUE cannot be converted to String"),
                // test/scan.js
                malformed("Scan", "{'TableName':'abc','Segment':true}", "TRUE_VALUE cannot be converted to Integer"),
                malformed("Scan", "{'TableName':'abc','TotalSegments':'23'}", "STRING_VALUE cannot be converted to Integer"),
                malformed("Scan", "{'TableName':'abc','ScanFilter':{'a':[]}}", "Unrecognized collection type class " + MODEL + "Condition"),
                malformed("Scan", "{'TableName':'abc','Select':['COUNT']}", "Unrecognized collection type class java.lang.String"),
                // test/batchGetItem.js: RequestItems 'Map<KeysAndAttributes>', RequestItems.Attr.Keys.0 'ParameterizedMap'
                malformed("BatchGetItem", "{'RequestItems':'23'}", FIELD),
                malformed("BatchGetItem", "{'RequestItems':[]}",
                        "Unrecognized collection type java.util.Map<java.lang.String, " + MODEL + "KeysAndAttributes>"),
                malformed("BatchGetItem", "{'RequestItems':{'abc':'23'}}", VALUE),
                malformed("BatchGetItem", "{'RequestItems':{'abc':{'Keys':'23'}}}", FIELD),
                malformed("BatchGetItem", "{'RequestItems':{'abc':{'Keys':['23']}}}", NOT_A_COLLECTION),
                malformed("BatchGetItem", "{'RequestItems':{'abc':{'Keys':[[]]}}}", ATTRIBUTE_VALUE_MAP),
                malformed("BatchGetItem", "{'RequestItems':{'abc':{'Keys':[{}],'ConsistentRead':'23'}}}",
                        "Unexpected token received from parser"),
                // test/batchWriteItem.js: RequestItems 'Map<java.util.List<...WriteRequest>>', .Attr 'ParameterizedList',
                // .Attr.0 'ValueStruct<WriteRequest>', .Attr.0.PutRequest 'FieldStruct<PutRequest>'
                malformed("BatchWriteItem", "{'RequestItems':[]}", "Unrecognized collection type java.util.Map<java.lang.String, "
                        + "java.util.List<" + MODEL + "WriteRequest>>"),
                malformed("BatchWriteItem", "{'RequestItems':{'abc':'23'}}", NOT_A_COLLECTION),
                malformed("BatchWriteItem", "{'RequestItems':{'abc':{}}}", STRUCTURE),
                malformed("BatchWriteItem", "{'RequestItems':{'abc':[23]}}", VALUE),
                malformed("BatchWriteItem", "{'RequestItems':{'abc':[[]]}}", "Unrecognized collection type class " + MODEL + "WriteRequest"),
                malformed("BatchWriteItem", "{'RequestItems':{'abc':[{'PutRequest':23}]}}", FIELD),
                malformed("BatchWriteItem", "{'RequestItems':{'abc':[{'PutRequest':[]}]}}",
                        "Unrecognized collection type class " + MODEL + "PutRequest"),
                malformed("BatchWriteItem", "{'RequestItems':{'abc':[{'DeleteRequest':{'Key':[]}}]}}", ATTRIBUTE_VALUE_MAP),
                // the Streams API's members by the same rules
                malformed("ListStreams", "{'Limit':'10'}", "STRING_VALUE cannot be converted to Integer"),
                malformed("ListStreams", "{'TableName':23}", "NUMBER_VALUE cannot be converted to String"),
                malformed("DescribeStream", "{'StreamArn':true}", "TRUE_VALUE cannot be converted to String"),
                malformed("DescribeStream", "{'StreamArn':'" + STREAM_ARN + "','Limit':[]}", "Unrecognized collection type class java.lang.Integer"),
                malformed("GetShardIterator", "{'ShardIteratorType':23}", "NUMBER_VALUE cannot be converted to String"),
                malformed("GetShardIterator", "{'SequenceNumber':{}}", STRUCTURE),
                malformed("GetRecords", "{'ShardIterator':'x','Limit':'10'}", "STRING_VALUE cannot be converted to Integer"),
                malformed("GetRecords", "{'ShardIterator':false}", "FALSE_VALUE cannot be converted to String"));
    }

    static Stream<Case> constraintViolations() {
        String name256 = "a".repeat(256);
        String twoKeys = "'KeySchema':[{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'b','KeyType':'RANGE'}]";
        String definitions = "'AttributeDefinitions':[{'AttributeName':'a','AttributeType':'S'},{'AttributeName':'b','AttributeType':'S'}]";
        String throughput = "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}";
        return Stream.of(
                // test/createTable.js "null attributes"
                invalid("CreateTable", "{'TableName':'abc;'}", errors(isNull("attributeDefinitions"),
                        violation("abc;", "tableName", PATTERN), isNull("keySchema"))),
                // test/createTable.js "short TableName": TableName alone, before the other members
                invalid("CreateTable", "{'TableName':'a;','KeySchema':[]}", TABLE_NAME_LENGTH),
                // test/createTable.js "low ProvisionedThroughput.WriteCapacityUnits"
                invalid("CreateTable", "{'TableName':'abc','AttributeDefinitions':[],'KeySchema':[],"
                        + "'ProvisionedThroughput':{'ReadCapacityUnits':-1,'WriteCapacityUnits':-1}}", errors(
                        violation("-1", "provisionedThroughput.writeCapacityUnits", atLeast(1)),
                        violation("-1", "provisionedThroughput.readCapacityUnits", atLeast(1)),
                        violation("[]", "keySchema", minLength(1)))),
                // test/createTable.js "key element names"
                invalid("CreateTable", "{'TableName':'abc','AttributeDefinitions':[],"
                        + "'KeySchema':[{'KeyType':'HASH'},{'AttributeName':'a'},{'KeyType':'Woop','AttributeName':'a'}],"
                        + "'ProvisionedThroughput':{'ReadCapacityUnits':1000000000001,'WriteCapacityUnits':1000000000001}}", errors(
                        violation("[KeySchemaElement(attributeName=null, keyType=HASH), KeySchemaElement(attributeName=a, keyType=null), "
                                + "KeySchemaElement(attributeName=a, keyType=Woop)]", "keySchema", maxLength(2)),
                        isNull("keySchema.1.member.attributeName"),
                        isNull("keySchema.2.member.keyType"),
                        violation("Woop", "keySchema.3.member.keyType", oneOf("HASH, RANGE")))),
                // test/createTable.js "attribute definitions member nulls", "SS in attr definition"
                invalid("CreateTable", "{'TableName':'abc','AttributeDefinitions':[{},{'AttributeName':'b','AttributeType':'SS'}],"
                        + "'KeySchema':[{'KeyType':'HASH','AttributeName':'a'}]," + throughput + "}", errors(
                        isNull("attributeDefinitions.1.member.attributeName"), isNull("attributeDefinitions.1.member.attributeType"),
                        violation("SS", "attributeDefinitions.2.member.attributeType", oneOf("B, N, S")))),
                // test/createTable.js "bad LocalSecondaryIndex names" (any order there; validations/createTable.js's here)
                invalid("CreateTable", "{'TableName':'abc'," + definitions + ",'KeySchema':[{'KeyType':'HASH','AttributeName':'a'}],"
                        + "'LocalSecondaryIndexes':[{'IndexName':'h;','KeySchema':[],'Projection':{}},"
                        + "{'IndexName':'" + name256 + "','KeySchema':[{'AttributeName':'a','KeyType':'HASH'}],'Projection':{}}],"
                        + throughput + "}", errors(
                        violation("[]", "localSecondaryIndexes.1.member.keySchema", minLength(1)),
                        violation("h;", "localSecondaryIndexes.1.member.indexName", PATTERN),
                        violation("h;", "localSecondaryIndexes.1.member.indexName", minLength(3)),
                        violation(name256, "localSecondaryIndexes.2.member.indexName", maxLength(255)))),
                // test/createTable.js "invalid properties in LocalSecondaryIndex"
                invalid("CreateTable", "{'TableName':'abc'," + definitions + "," + twoKeys + ",'LocalSecondaryIndexes':[{'IndexName':'abc',"
                        + twoKeys + ",'Projection':{'NonKeyAttributes':[],'ProjectionType':'abc'}}]," + throughput + "}", errors(
                        violation("abc", "localSecondaryIndexes.1.member.projection.projectionType", oneOf("ALL, INCLUDE, KEYS_ONLY")),
                        violation("[]", "localSecondaryIndexes.1.member.projection.nonKeyAttributes", minLength(1)))),
                // test/createTable.js "more than five empty GlobalSecondaryIndexes": at most ten
                invalid("CreateTable", "{'TableName':'abc'," + definitions + "," + twoKeys
                        + ",'GlobalSecondaryIndexes':[{},{},{},{},{},{},{},{},{}]," + throughput + "}", errors(
                        isNull("globalSecondaryIndexes.1.member.keySchema"), isNull("globalSecondaryIndexes.1.member.projection"),
                        isNull("globalSecondaryIndexes.1.member.indexName"),
                        isNull("globalSecondaryIndexes.2.member.keySchema"), isNull("globalSecondaryIndexes.2.member.projection"),
                        isNull("globalSecondaryIndexes.2.member.indexName"),
                        isNull("globalSecondaryIndexes.3.member.keySchema"), isNull("globalSecondaryIndexes.3.member.projection"),
                        isNull("globalSecondaryIndexes.3.member.indexName"),
                        isNull("globalSecondaryIndexes.4.member.keySchema"))),
                // test/describeTable.js, deleteTable.js "null attributes" and "short TableName"
                invalid("DescribeTable", "{'TableName':'abc;'}", errors(violation("abc;", "tableName", PATTERN))),
                invalid("DescribeTable", "{'TableName':'a;'}", TABLE_NAME_LENGTH),
                invalid("DeleteTable", "{'TableName':'abc;'}", errors(violation("abc;", "tableName", PATTERN))),
                invalid("DeleteTable", "{'TableName':'" + name256 + "'}", TABLE_NAME_LENGTH),
                // test/listTables.js "short ExclusiveStartTableName"
                invalid("ListTables", "{'ExclusiveStartTableName':'a;','Limit':500}", errors(
                        violation("a;", "exclusiveStartTableName", PATTERN),
                        violation("a;", "exclusiveStartTableName", minLength(3)),
                        violation("500", "limit", atMost(100)))),
                // test/updateTable.js "bad IndexName and ProvisionedThroughput"
                invalid("UpdateTable", "{'TableName':'abc','GlobalSecondaryIndexUpdates':["
                        + "{'Update':{'IndexName':'a','ProvisionedThroughput':{}}},"
                        + "{'Update':{'IndexName':'abc;','ProvisionedThroughput':{'ReadCapacityUnits':1000000000001,'WriteCapacityUnits':0}}}]}",
                        errors(violation("a", "globalSecondaryIndexUpdates.1.member.update.indexName", minLength(3)),
                                isNull("globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.writeCapacityUnits"),
                                isNull("globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.readCapacityUnits"),
                                violation("abc;", "globalSecondaryIndexUpdates.2.member.update.indexName", PATTERN),
                                violation("0", "globalSecondaryIndexUpdates.2.member.update.provisionedThroughput.writeCapacityUnits",
                                        atLeast(1)))),
                // test/updateTable.js "null attributes", "empty ProvisionedThroughput"; then the members dynalite does not know
                invalid("UpdateTable", "{'TableName':'abc;','ProvisionedThroughput':{'ReadCapacityUnits':0},'BillingMode':'FREE',"
                        + "'StreamSpecification':{'StreamViewType':'ALL'}}", errors(
                        violation("abc;", "tableName", PATTERN),
                        isNull("provisionedThroughput.writeCapacityUnits"),
                        violation("0", "provisionedThroughput.readCapacityUnits", atLeast(1)),
                        violation("FREE", "billingMode", oneOf("PROVISIONED, PAY_PER_REQUEST")),
                        isNull("streamSpecification.streamEnabled"),
                        violation("ALL", "streamSpecification.streamViewType", oneOf("NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY")))),
                // test/putItem.js "incorrect attributes"
                invalid("PutItem", "{'TableName':'abc;','ReturnConsumedCapacity':'hi','ReturnItemCollectionMetrics':'hi','ReturnValues':'hi'}",
                        errors(violation("hi", "returnConsumedCapacity", oneOf("INDEXES, TOTAL, NONE")),
                                violation("abc;", "tableName", PATTERN),
                                isNull("item"),
                                violation("hi", "returnValues", oneOf(RETURN_VALUES)),
                                violation("hi", "returnItemCollectionMetrics", oneOf("SIZE, NONE")))),
                // test/putItem.js "long TableName"; a table ARN may be longer
                invalid("PutItem", "{'TableName':'" + name256 + "'}", errors(violation(name256, "tableName", maxLength(255)), isNull("item"))),
                valid("PutItem", "{'TableName':'arn:aws:dynamodb:us-east-1:000000000000:table/" + name256 + "','Item':{}}"),
                // test/getItem.js "incorrect attributes"
                invalid("GetItem", "{'TableName':'abc;','ReturnConsumedCapacity':'hi','AttributesToGet':[]}", errors(
                        violation("hi", "returnConsumedCapacity", oneOf("INDEXES, TOTAL, NONE")),
                        violation("[]", "attributesToGet", minLength(1)),
                        violation("abc;", "tableName", PATTERN),
                        isNull("key"))),
                // test/updateItem.js "incorrect attributes", and the legacy parameters' members
                invalid("UpdateItem", "{'TableName':'abc;','ReturnConsumedCapacity':'hi','ReturnItemCollectionMetrics':'hi',"
                        + "'ReturnValues':'hi','ConditionalOperator':'AN','Expected':{'a':{'ComparisonOperator':'LIKE'}},"
                        + "'AttributeUpdates':{'a':{'Action':'SET'}}}", errors(
                        violation("hi", "returnConsumedCapacity", oneOf("INDEXES, TOTAL, NONE")),
                        violation("abc;", "tableName", PATTERN),
                        violation("hi", "returnItemCollectionMetrics", oneOf("SIZE, NONE")),
                        violation("hi", "returnValues", oneOf(RETURN_VALUES)),
                        isNull("key"),
                        violation("AN", "conditionalOperator", oneOf("OR, AND")),
                        violation("LIKE", "expected.a.member.comparisonOperator", oneOf(COMPARISON_OPERATORS)),
                        violation("SET", "attributeUpdates.a.member.action", oneOf("ADD, PUT, DELETE")))),
                // test/deleteItem.js "incorrect attributes"
                invalid("DeleteItem", "{'TableName':'abc;','ReturnConsumedCapacity':'hi','ReturnItemCollectionMetrics':'hi','ReturnValues':'hi'}",
                        errors(violation("hi", "returnConsumedCapacity", oneOf("INDEXES, TOTAL, NONE")),
                                violation("abc;", "tableName", PATTERN),
                                violation("hi", "returnValues", oneOf(RETURN_VALUES)),
                                violation("hi", "returnItemCollectionMetrics", oneOf("SIZE, NONE")),
                                isNull("key"))),
                // test/query.js "incorrect attributes"
                invalid("Query", "{'TableName':'abc;','ReturnConsumedCapacity':'hi','AttributesToGet':[],'IndexName':'abc;',"
                        + "'Select':'hi','Limit':-1,'KeyConditions':{'a':{},'b':{'ComparisonOperator':''}},'ConditionalOperator':'AN',"
                        + "'QueryFilter':{'a':{},'b':{'ComparisonOperator':''}}}", errors(
                        violation("hi", "select", oneOf(SELECT)),
                        violation("abc;", "indexName", PATTERN),
                        violation("hi", "returnConsumedCapacity", oneOf("INDEXES, TOTAL, NONE")),
                        isNull("queryFilter.a.member.comparisonOperator"),
                        violation("", "queryFilter.b.member.comparisonOperator", oneOf(COMPARISON_OPERATORS)),
                        violation("abc;", "tableName", PATTERN),
                        violation("AN", "conditionalOperator", oneOf("OR, AND")),
                        violation("[]", "attributesToGet", minLength(1)),
                        violation("-1", "limit", atLeast(1)),
                        isNull("keyConditions.a.member.comparisonOperator"))),
                // test/scan.js "incorrect attributes"
                invalid("Scan", "{'TableName':'abc;','ReturnConsumedCapacity':'hi','AttributesToGet':[],'IndexName':'abc;',"
                        + "'Segment':-1,'TotalSegments':-1,'Select':'hi','Limit':-1,'ScanFilter':{'a':{},'b':{'ComparisonOperator':''}},"
                        + "'ConditionalOperator':'AN','ExpressionAttributeNames':{},'ExpressionAttributeValues':{},'ProjectionExpression':''}",
                        errors(violation("hi", "select", oneOf(SELECT)),
                                violation("abc;", "indexName", PATTERN),
                                violation("-1", "totalSegments", atLeast(1)),
                                violation("hi", "returnConsumedCapacity", oneOf("INDEXES, TOTAL, NONE")),
                                violation("abc;", "tableName", PATTERN),
                                violation("AN", "conditionalOperator", oneOf("OR, AND")),
                                isNull("scanFilter.a.member.comparisonOperator"),
                                violation("", "scanFilter.b.member.comparisonOperator", oneOf(COMPARISON_OPERATORS)),
                                violation("-1", "segment", atLeast(0)),
                                violation("-1", "limit", atLeast(1)))),
                // test/batchGetItem.js: the map's keys (table names), then what each table's KeysAndAttributes holds
                invalid("BatchGetItem", "{'ReturnConsumedCapacity':'hi','RequestItems':{'a;':{'Keys':[],'AttributesToGet':[]}}}", errors(
                        violation("hi", "returnConsumedCapacity", oneOf("INDEXES, TOTAL, NONE")),
                        violation("{a;=KeysAndAttributes(keys=[], attributesToGet=[], consistentRead=null, projectionExpression=null, "
                                + "expressionAttributeNames=null)}", "requestItems", "Map keys must satisfy constraint: "
                                + "[Member must have length less than or equal to 255, Member must have length greater than or equal to 3, "
                                + PATTERN + "]"),
                        violation("[]", "requestItems.a;.member.keys", minLength(1)),
                        violation("[]", "requestItems.a;.member.attributesToGet", minLength(1)))),
                invalid("BatchGetItem", "{'RequestItems':{}}", errors(violation("{}", "requestItems", minLength(1)))),
                // test/batchWriteItem.js "incorrect attributes"
                invalid("BatchWriteItem", "{'RequestItems':{'aa;':[{'PutRequest':{},'DeleteRequest':{}}]},"
                        + "'ReturnConsumedCapacity':'hi','ReturnItemCollectionMetrics':'hi'}", errors(
                        violation("hi", "returnConsumedCapacity", oneOf("INDEXES, TOTAL, NONE")),
                        violation("hi", "returnItemCollectionMetrics", oneOf("SIZE, NONE")),
                        violation("{aa;=[WriteRequest(putRequest=PutRequest(item=null), deleteRequest=DeleteRequest(key=null))]}",
                                "requestItems", "Map keys must satisfy constraint: [Member must have length less than or equal to 255, "
                                        + "Member must have length greater than or equal to 3, " + PATTERN + "]"),
                        isNull("requestItems.aa;.member.1.member.deleteRequest.key"),
                        isNull("requestItems.aa;.member.1.member.putRequest.item"))),
                // test/batchWriteItem.js "empty list in RequestItems"
                invalid("BatchWriteItem", "{'RequestItems':{'a':[]}}", errors(
                        violation("{a=[]}", "requestItems", "Map keys must satisfy constraint: [Member must have length less than or equal "
                                + "to 255, Member must have length greater than or equal to 3, " + PATTERN + "]"),
                        violation("{a=[]}", "requestItems", "Map value must satisfy constraint: [Member must have length less than or "
                                + "equal to 25, Member must have length greater than or equal to 1]"))),
                // the Streams API: the model's order (dynalite has no validation tests of it)
                invalid("ListStreams", "{'Limit':101,'TableName':'a;','ExclusiveStartStreamArn':'short'}", errors(
                        violation("a;", "tableName", PATTERN),
                        violation("a;", "tableName", minLength(3)),
                        violation("101", "limit", atMost(100)),
                        violation("short", "exclusiveStartStreamArn", minLength(37)))),
                invalid("DescribeStream", "{'StreamArn':'short','Limit':0,'ExclusiveStartShardId':'x'}", errors(
                        violation("short", "streamArn", minLength(37)),
                        violation("0", "limit", atLeast(1)),
                        violation("x", "exclusiveStartShardId", minLength(28)))),
                invalid("GetShardIterator", "{'SequenceNumber':'1','ShardIteratorType':'bulle','ShardId':'s','StreamArn':'s'}", errors(
                        violation("s", "streamArn", minLength(37)),
                        violation("s", "shardId", minLength(28)),
                        violation("bulle", "shardIteratorType", oneOf("TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER")),
                        violation("1", "sequenceNumber", minLength(21)))),
                invalid("GetRecords", "{'Limit':1001,'ShardIterator':''}", errors(
                        violation("", "shardIterator", minLength(1)),
                        violation("1001", "limit", atMost(1000)))));
    }

    static Stream<Case> typeErrorsAmongConstraintViolations() {
        return Stream.of(
                // TableName 'a' is too short and KeySchema too short, but the deserializer fails first
                malformed("CreateTable", "{'TableName':'a','KeySchema':[],'BillingMode':5}", "NUMBER_VALUE cannot be converted to String"),
                malformed("DescribeTable", "{'TableName':['a;']}", "Unrecognized collection type class java.lang.String"),
                malformed("DeleteTable", "{'TableName':{'Name':'a;'}}", STRUCTURE),
                malformed("UpdateTable", "{'TableName':'a;','ProvisionedThroughput':{'ReadCapacityUnits':0,'WriteCapacityUnits':'1'}}",
                        "STRING_VALUE cannot be converted to Long"),
                malformed("ListTables", "{'ExclusiveStartTableName':'a;','Limit':'500'}", "STRING_VALUE cannot be converted to Integer"),
                malformed("PutItem", "{'TableName':'a;','ReturnValues':'hi','Item':{'a':{'S':5}}}", "NUMBER_VALUE cannot be converted to String"),
                malformed("GetItem", "{'TableName':'a;','AttributesToGet':[],'ConsistentRead':'maybe'}", "Unexpected token received from parser"),
                malformed("UpdateItem", "{'ReturnValues':'hi','AttributeUpdates':{'a':{'Action':'SET','Value':'x'}}}", FIELD),
                malformed("DeleteItem", "{'ReturnValues':'hi','Key':{'a':5}}", VALUE),
                malformed("Query", "{'Select':'hi','Limit':-1,'KeyConditions':{'a':[]}}", "Unrecognized collection type class " + MODEL + "Condition"),
                malformed("Scan", "{'TableName':'abc','Segment':-1,'TotalSegments':'2'}", "STRING_VALUE cannot be converted to Integer"),
                malformed("BatchGetItem", "{'RequestItems':{'a;':{'Keys':['x']}}}", NOT_A_COLLECTION),
                malformed("BatchWriteItem", "{'ReturnConsumedCapacity':'hi','RequestItems':{'a;':[{'PutRequest':{'Item':{'a':{'B':'abc'}}}}]}}",
                        "Base64 encoded length is expected a multiple of 4 bytes but found: 3"),
                malformed("ListStreams", "{'Limit':101,'TableName':5}", "NUMBER_VALUE cannot be converted to String"),
                malformed("DescribeStream", "{'Limit':0,'StreamArn':true}", "TRUE_VALUE cannot be converted to String"),
                malformed("GetShardIterator", "{'StreamArn':'s','ShardIteratorType':['LATEST']}", "Unrecognized collection type class java.lang.String"),
                malformed("GetRecords", "{'Limit':'1001'}", "STRING_VALUE cannot be converted to Integer"));
    }

    private static void assertAnswer(Case c) {
        if (c.error() == null) {
            assertThatCode(() -> validate(c)).doesNotThrowAnyException();
            return;
        }
        DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> validate(c));
        assertThat(e).as("%s is refused", c).isNotNull();
        assertThat(e.code()).isEqualTo(c.error());
        assertThat(e.getMessage()).isEqualTo(c.message());
    }

    private static void validate(Case c) {
        ServiceModel model = STREAMS_OPERATIONS.contains(c.operation()) ? ServiceModel.STREAMS : ServiceModel.DYNAMODB;
        RequestValidator.validate(model, c.operation(),
                Json.parseRequest(c.request().replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
    }

    private static Case valid(String operation, String request) {
        return new Case(operation, request, null, null);
    }

    private static Case invalid(String operation, String request, String message) {
        return new Case(operation, request, "ValidationException", message);
    }

    private static Case malformed(String operation, String request, String message) {
        return new Case(operation, request, "SerializationException", message);
    }

    private static String errors(String... violations) {
        return violations.length + (violations.length == 1 ? " validation error" : " validation errors") + " detected: "
                + String.join("; ", violations);
    }

    private static String violation(String value, String path, String constraint) {
        return "Value '" + value + "' at '" + path + "' failed to satisfy constraint: " + constraint;
    }

    private static String isNull(String path) {
        return "Value null at '" + path + "' failed to satisfy constraint: Member must not be null";
    }

    private static String minLength(int min) {
        return "Member must have length greater than or equal to " + min;
    }

    private static String maxLength(int max) {
        return "Member must have length less than or equal to " + max;
    }

    private static String atLeast(int min) {
        return "Member must have value greater than or equal to " + min;
    }

    private static String atMost(int max) {
        return "Member must have value less than or equal to " + max;
    }

    private static String oneOf(String values) {
        return "Member must satisfy enum value set: [" + values + "]";
    }
}
