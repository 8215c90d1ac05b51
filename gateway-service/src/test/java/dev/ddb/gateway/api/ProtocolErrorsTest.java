package dev.ddb.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.gateway.support.FakeDownstream.Answer;
import dev.ddb.gateway.support.GatewayTestBase;
import dev.ddb.gateway.support.RawRequests;

class ProtocolErrorsTest extends GatewayTestBase {

    @Test
    void unknownOperationIs400WithoutMessage() {
        HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.DescribeEverything", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawRequests.text(response))
                .isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
        assertHasDynamoDbHeaders(response);
        assertNothingForwarded();
    }

    @Test
    void missingTargetIsAnUnknownOperation() {
        HttpResponse<byte[]> response = raw().post(null, "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawRequests.json(response).get("__type").asString())
                .isEqualTo("com.amazon.coral.service#UnknownOperationException");
        assertNothingForwarded();
    }

    @Test
    void bodyThatIsNotAJsonObjectIsLeftToTheServiceWhichParsesIt() {
        // The owning service answers it SerializationException (end to end in the standalone tests).
        ITEMS.answerAlways(Answer.json(400, "{\"__type\":\"com.amazon.coral.service#SerializationException\",\"message\":\"x\"}"));

        HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.PutItem", "TableName=Music");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawRequests.json(response).get("__type").asString())
                .isEqualTo("com.amazon.coral.service#SerializationException");
        assertThat(new String(ITEMS.lastReceived().body(), StandardCharsets.UTF_8)).isEqualTo("TableName=Music");
        assertHasDynamoDbHeaders(response);
    }

    @Test
    void emptyBodyCountsAsAnEmptyObjectAndIsForwardedAsIs() {
        HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.ListTables", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TABLES.lastReceived().body()).isEmpty();
    }

    @Test
    void unsignedRequestIsMissingAnAuthenticationToken() {
        HttpResponse<byte[]> response = raw().post("/", "DynamoDB_20120810.ListTables", "{}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = RawRequests.json(response);
        assertThat(error.get("__type").asString())
                .isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
        assertThat(error.get("message").asString()).isEqualTo("Request is missing Authentication Token");
        assertHasDynamoDbHeaders(response);
        assertNothingForwarded();
    }

    @Test
    void authorizationOfAnotherSchemeIsNotASignature() {
        HttpResponse<byte[]> response = raw().post("/", "DynamoDB_20120810.ListTables", "{}", "Basic dXNlcjpwYXNz");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawRequests.json(response).get("__type").asString())
                .isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
    }

    @Test
    void presignedQueryCountsAsSigned() {
        String query = "/?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIDEXAMPLE%2F20250101%2Fus-east-1%2Fdynamodb%2Faws4_request"
                + "&X-Amz-Date=20250101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=abc";

        HttpResponse<byte[]> response = raw().post(query, "DynamoDB_20120810.ListTables", "{}", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TABLES.lastReceived().target()).isEqualTo("DynamoDB_20120810.ListTables");
    }

    @Test
    void gatewayMakesARequestIdWhenTheServiceSendsNone() {
        HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.ListTables", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(AwsJsonProtocol.REQUEST_ID_HEADER)).get().asString()
                .matches("[A-Z0-9]{52}");
        assertHasDynamoDbHeaders(response);
    }

    @Test
    void getOfTheRootSaysHealthy() {
        HttpResponse<byte[]> response = raw().get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RawRequests.text(response)).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com");
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
    }

    @Test
    void actuatorHealthIsUp() {
        HttpResponse<byte[]> response = raw().get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RawRequests.json(response).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void malformedSignatureIsIncompleteWithDynamoDbsMessage() {
        HttpResponse<byte[]> response = raw().post("/", "DynamoDB_20120810.ListTables", "{}", "AWS4-");

        assertThat(response.statusCode()).isEqualTo(400);
        // Byte for byte what DynamoDB answers (its x-amz-crc32 for this body is 1828866742).
        assertThat(RawRequests.text(response)).isEqualTo("{\"__type\":\"com.amazon.coral.service#IncompleteSignatureException\","
                + "\"message\":\"Authorization header requires 'Credential' parameter. "
                + "Authorization header requires 'Signature' parameter. "
                + "Authorization header requires 'SignedHeaders' parameter. "
                + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                + "Authorization=AWS4-\"}");
        assertThat(response.headers().firstValue(AwsJsonProtocol.CRC32_HEADER)).contains("1828866742");
        assertHasDynamoDbHeaders(response);
        assertNothingForwarded();
        assertStillServesAGoodRequest();
    }

    @Test
    void signatureWithTooShortACredentialIsIncomplete() {
        HttpResponse<byte[]> response = raw().post("/", "DynamoDB_20120810.ListTables", "{}",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101, SignedHeaders=host, Signature=00");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = RawRequests.json(response);
        assertThat(error.get("__type").asString()).isEqualTo("com.amazon.coral.service#IncompleteSignatureException");
        assertThat(error.get("message").asString()).startsWith("Credential must have exactly 5 slash-delimited elements");
        assertNothingForwarded();
    }

    @Test
    void operationNoServiceOwnsYetIsNamedAsNotImplemented() {
        HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.DescribeGlobalTable", "{\"GlobalTableName\":\"Music\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = RawRequests.json(response);
        assertThat(error.get("__type").asString()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
        assertThat(error.get("message").asString()).contains("DescribeGlobalTable").contains("not implemented");
        assertHasDynamoDbHeaders(response);
        assertNothingForwarded();
    }

    @Test
    void operationItsServiceDoesNotImplementYetIsRelayedAsTheServiceNamesIt() {
        // What a service's dispatcher (common's OperationDispatcher) answers an operation DynamoDB has and it does not.
        ITEMS.answerAlways(Answer.json(400, "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\","
                + "\"message\":\"The operation TransactWriteItems is not implemented by this server yet\"}"));

        HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.TransactWriteItems", "{\"TransactItems\":[]}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = RawRequests.json(response);
        assertThat(error.get("__type").asString()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
        assertThat(error.get("message").asString()).contains("TransactWriteItems").contains("not implemented");
        assertHasDynamoDbHeaders(response);
        assertThat(ITEMS.lastReceived().target()).isEqualTo("DynamoDB_20120810.TransactWriteItems");
    }

    @Test
    void unimplementedOperationStillNeedsASignature() {
        HttpResponse<byte[]> response = raw().post("/", "DynamoDB_20120810.DescribeGlobalTable", "{}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawRequests.json(response).get("__type").asString())
                .isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
    }

    @Test
    void operationOfTheOtherApiIsAnUnknownOperation() {
        HttpResponse<byte[]> response = raw().post("DynamoDBStreams_20120810.PutItem", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawRequests.text(response))
                .isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
        assertNothingForwarded();
    }

    private static void assertHasDynamoDbHeaders(HttpResponse<byte[]> response) {
        assertThat(response.headers().firstValue("Content-Type")).contains(AwsJsonProtocol.CONTENT_TYPE);
        assertThat(response.headers().firstValue(AwsJsonProtocol.REQUEST_ID_HEADER)).isPresent();
        assertThat(response.headers().firstValue(AwsJsonProtocol.CRC32_HEADER))
                .contains(AwsJsonProtocol.crc32(response.body()));
    }

    private void assertStillServesAGoodRequest() {
        TABLES.answerAlways(Answer.json(200, "{\"TableNames\":[]}"));
        HttpResponse<byte[]> good = raw().post("DynamoDB_20120810.ListTables", "{}");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(RawRequests.text(good)).isEqualTo("{\"TableNames\":[]}");
    }

    private static void assertNothingForwarded() {
        assertThat(TABLES.received()).isEmpty();
        assertThat(ITEMS.received()).isEmpty();
        assertThat(STREAMS.received()).isEmpty();
        assertThat(BACKUPS.received()).isEmpty();
    }
}
