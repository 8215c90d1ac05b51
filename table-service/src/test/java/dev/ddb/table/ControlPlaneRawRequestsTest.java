package dev.ddb.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ddb.common.json.Json;
import dev.ddb.table.support.FakeItemService;
import tools.jackson.databind.JsonNode;

/**
 * The control-plane operations of TTL, tags and on-demand maximums given what the AWS SDKs refuse
 * client-side (wrong JSON types, numbers out of range, missing members), posted as raw AWS JSON
 * 1.0 requests the way boto3 with validation off or a hand-written client sends them: the answers
 * carry DynamoDB's {@code __type} and message.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=table-service",
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "spring.kafka.producer.properties.max.block.ms=2000",
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.admin.operation-timeout=1s",
        "spring.kafka.admin.properties.default.api.timeout.ms=1000",
        "spring.kafka.admin.properties.request.timeout.ms=900",
        "ddb.table.stream-event-wait=50ms",
})
@Import(FakeItemService.class)
@DirtiesContext
class ControlPlaneRawRequestsTest {

    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
    private static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ddb.table.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void tables() throws Exception {
        for (String table : new String[] {"Raw", "RawProvisioned"}) {
            post("DescribeTable", "{'TableName':'" + table + "'}");
        }
        if (post("DescribeTable", "{'TableName':'Raw'}").status() != 200) {
            ok(post("CreateTable", "{'TableName':'Raw','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],"
                    + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],'BillingMode':'PAY_PER_REQUEST'}"));
            ok(post("CreateTable", "{'TableName':'RawProvisioned','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],"
                    + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
                    + "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}"));
        }
    }

    // ---- Time to Live ----

    @Test
    void updateTimeToLiveWithoutItsSpecificationOrItsMembers() throws Exception {
        assertError(post("UpdateTimeToLive", "{'TableName':'Raw'}"), VALIDATION,
                "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: "
                        + "Member must not be null");
        assertError(post("UpdateTimeToLive", "{'TableName':'Raw','TimeToLiveSpecification':{'Enabled':true}}"), VALIDATION,
                "1 validation error detected: Value null at 'timeToLiveSpecification.attributeName' failed to satisfy "
                        + "constraint: Member must not be null");
        assertError(post("UpdateTimeToLive", "{'TableName':'Raw','TimeToLiveSpecification':{}}"), VALIDATION,
                // in DynamoDB's reporting order (common/request/dynamodb-validation-order.json)
                "2 validation errors detected: Value null at 'timeToLiveSpecification.enabled' failed to satisfy "
                        + "constraint: Member must not be null; Value null at 'timeToLiveSpecification.attributeName' "
                        + "failed to satisfy constraint: Member must not be null");
        assertError(post("UpdateTimeToLive", "{'TableName':'Raw','TimeToLiveSpecification':{'Enabled':true,'AttributeName':''}}"),
                VALIDATION, "1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' failed to "
                        + "satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void timeToLiveMembersOfTheWrongJsonType() throws Exception {
        assertError(post("UpdateTimeToLive", "{'TableName':'Raw','TimeToLiveSpecification':{'Enabled':'maybe','AttributeName':'ttl'}}"),
                SERIALIZATION, "Unexpected token received from parser");
        assertError(post("UpdateTimeToLive", "{'TableName':'Raw','TimeToLiveSpecification':{'Enabled':true,'AttributeName':5}}"),
                SERIALIZATION, "NUMBER_VALUE cannot be converted to String");
        assertError(post("UpdateTimeToLive", "{'TableName':'Raw','TimeToLiveSpecification':'on'}"),
                SERIALIZATION, "Unexpected field type");
        assertError(post("DescribeTimeToLive", "{'TableName':['Raw']}"),
                SERIALIZATION, "Unrecognized collection type class java.lang.String");
    }

    @Test
    void enablingWithAWordDynamoDbReadsAsABooleanWorks() throws Exception {
        JsonNode answer = ok(post("UpdateTimeToLive", "{'TableName':'Raw','TimeToLiveSpecification':{'Enabled':'true','AttributeName':'expiresAt'}}"));
        assertThat(answer.get("TimeToLiveSpecification").toString()).isEqualTo("{\"Enabled\":true,\"AttributeName\":\"expiresAt\"}");
    }

    // ---- tags ----

    @Test
    void tagRequestsWithoutTheirMembers() throws Exception {
        assertError(post("TagResource", "{'ResourceArn':'" + ARN + "Raw'}"), VALIDATION,
                "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
        assertError(post("TagResource", "{'ResourceArn':'" + ARN + "Raw','Tags':[{'Key':'k'}]}"), VALIDATION,
                "1 validation error detected: Value null at 'tags.1.member.value' failed to satisfy constraint: "
                        + "Member must not be null");
        assertError(post("UntagResource", "{'ResourceArn':'" + ARN + "Raw'}"), VALIDATION,
                "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
        assertError(post("ListTagsOfResource", "{}"), VALIDATION,
                "1 validation error detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void tagMembersOfTheWrongJsonTypeOrLength() throws Exception {
        assertError(post("TagResource", "{'ResourceArn':'" + ARN + "Raw','Tags':'k=v'}"), SERIALIZATION, "Unexpected field type");
        assertError(post("TagResource", "{'ResourceArn':'" + ARN + "Raw','Tags':[{'Key':1,'Value':'v'}]}"), SERIALIZATION,
                "NUMBER_VALUE cannot be converted to String");
        assertError(post("UntagResource", "{'ResourceArn':'" + ARN + "Raw','TagKeys':{'k':'v'}}"), SERIALIZATION,
                "Start of structure or map found where not expected");
        assertError(post("TagResource", "{'ResourceArn':'" + ARN + "Raw','Tags':[{'Key':'','Value':'v'}]}"), VALIDATION,
                "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
        assertError(post("ListTagsOfResource", "{'ResourceArn':'" + ARN + "Raw','NextToken':7}"), SERIALIZATION,
                "NUMBER_VALUE cannot be converted to String");
    }

    // ---- OnDemandThroughput ----

    @Test
    void onDemandMaximumsOfTheWrongJsonType() throws Exception {
        assertError(post("UpdateTable", "{'TableName':'Raw','OnDemandThroughput':{'MaxReadRequestUnits':'10'}}"),
                SERIALIZATION, "STRING_VALUE cannot be converted to Long");
        assertError(post("UpdateTable", "{'TableName':'Raw','OnDemandThroughput':{'MaxWriteRequestUnits':true}}"),
                SERIALIZATION, "TRUE_VALUE cannot be converted to Long");
        assertError(post("UpdateTable", "{'TableName':'Raw','OnDemandThroughput':10}"), SERIALIZATION, "Unexpected field type");
        assertError(post("UpdateTable", "{'TableName':'Raw','OnDemandThroughput':[10]}"), SERIALIZATION,
                "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.OnDemandThroughput");
        assertError(post("UpdateTable", "{'TableName':'Raw','OnDemandThroughput':{'MaxReadRequestUnits':9223372036854775808}}"),
                SERIALIZATION, "NUMBER_VALUE cannot be converted to Long");
    }

    @Test
    void onDemandMaximumsOutOfRangeOrMissing() throws Exception {
        String invalid = "One or more parameter values were invalid: ";
        assertError(post("UpdateTable", "{'TableName':'Raw','OnDemandThroughput':{'MaxReadRequestUnits':0}}"), VALIDATION,
                invalid + "Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range");
        assertError(post("UpdateTable", "{'TableName':'Raw','OnDemandThroughput':{'MaxWriteRequestUnits':-9223372036854775808}}"),
                VALIDATION, invalid + "Requested MaxWriteRequestUnits for OnDemandThroughput for table is outside of valid range");
        assertError(post("UpdateTable", "{'TableName':'Raw','OnDemandThroughput':{}}"), VALIDATION,
                invalid + "OnDemandThroughput must specify MaxReadRequestUnits, MaxWriteRequestUnits, or both");
        assertError(post("UpdateTable", "{'TableName':'RawProvisioned','OnDemandThroughput':{'MaxWriteRequestUnits':5}}"),
                VALIDATION, invalid + "MaxWriteRequestUnits for OnDemandThroughput cannot be specified when the table "
                        + "BillingMode is PROVISIONED");
        assertError(post("CreateTable", "{'TableName':'RawCapped','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],"
                        + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],'BillingMode':'PAY_PER_REQUEST',"
                        + "'OnDemandThroughput':{'MaxReadRequestUnits':-1,'MaxWriteRequestUnits':10}}"), VALIDATION,
                invalid + "Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range");
        // a fraction is cut to the whole number, as DynamoDB's number coercion does
        JsonNode updated = ok(post("UpdateTable", "{'TableName':'Raw','OnDemandThroughput':{'MaxReadRequestUnits':12.7}}"));
        assertThat(updated.get("TableDescription").get("OnDemandThroughput").toString()).isEqualTo("{\"MaxReadRequestUnits\":12}");
        JsonNode removed = ok(post("UpdateTable", "{'TableName':'Raw','OnDemandThroughput':{'MaxReadRequestUnits':-1}}"));
        assertThat(removed.get("TableDescription").get("OnDemandThroughput").toString()).isEqualTo("{\"MaxReadRequestUnits\":-1}");
        assertThat(ok(post("DescribeTable", "{'TableName':'Raw'}")).get("Table").has("OnDemandThroughput")).isFalse();
    }

    // ---- helpers ----

    private record Answer(int status, JsonNode body) {
    }

    private Answer post(String operation, String body) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                        .timeout(Duration.ofSeconds(10))
                        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .POST(HttpRequest.BodyPublishers.ofString(body.replace('\'', '"'))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), Json.read(response.body()));
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static void assertError(Answer answer, String type, String message) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().path("__type").stringValue()).as(answer.body().toString()).isEqualTo(type);
        JsonNode text = answer.body().has("message") ? answer.body().get("message") : answer.body().get("Message");
        assertThat(text == null ? null : text.stringValue()).as(answer.body().toString()).isEqualTo(message);
    }
}
