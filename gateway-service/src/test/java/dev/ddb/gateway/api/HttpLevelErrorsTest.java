package dev.ddb.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.gateway.support.FakeDownstream.Answer;
import dev.ddb.gateway.support.GatewayTestBase;
import dev.ddb.gateway.support.RawRequests;
import dev.ddb.gateway.support.SocketRequests;

/**
 * Requests that are wrong at the HTTP level, before any operation: each gets a DynamoDB-shaped
 * error (status, {@code __type}, x-amzn-RequestId, JSON 1.0), reaches no service, and leaves the
 * gateway serving the next good request.
 */
class HttpLevelErrorsTest extends GatewayTestBase {

    private static final String UNKNOWN_OPERATION = "com.amazon.coral.service#UnknownOperationException";
    private static final String TOO_LARGE = "com.amazon.coral.service#RequestEntityTooLargeException";
    private static final String MALFORMED = "com.amazon.coral.service#MalformedHttpRequestException";
    private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    @ParameterizedTest(name = "chunked: {0}")
    @ValueSource(booleans = {false, true})
    void twentyMegabyteBodyIs413(boolean chunked) {
        SocketRequests.Result answer = SocketRequests.postStreaming(port, RawRequests.signedHeaders("DynamoDB_20120810.PutItem"),
                20L * 1024 * 1024, chunked);

        assertThat(answer.status()).isEqualTo(413);
        assertDynamoDbError(answer, TOO_LARGE);
        assertThat(Json.read(answer.body()).get("message").asString()).contains(String.valueOf(MAX_REQUEST_BYTES));
        assertNothingForwarded();
        assertStillServesAGoodRequest();
    }

    @ParameterizedTest(name = "chunked: {0}")
    @ValueSource(booleans = {false, true})
    void oversizedBodyIsReadNoFurtherThanTheLimit(boolean chunked) {
        // Buffered whole, a gigabyte would take a gigabyte of memory; refused, it costs at most the limit.
        long gigabyte = 1024L * 1024 * 1024;

        SocketRequests.Result answer = SocketRequests.postStreaming(port, RawRequests.signedHeaders("DynamoDB_20120810.PutItem"),
                gigabyte, chunked);

        assertThat(answer.status()).isEqualTo(413);
        assertDynamoDbError(answer, TOO_LARGE);
        // The gateway answered and hung up soon after the limit (at once when Content-Length said so).
        assertThat(answer.bodyCompleted()).isFalse();
        assertThat(answer.bytesSent()).isLessThan(gigabyte / 4);
        assertNothingForwarded();
        assertStillServesAGoodRequest();
    }

    @Test
    void chunkedBodyOfExactlyTheLimitIsForwardedWhole() {
        String prefix = "{\"TableName\":\"Music\",\"Padding\":\"";
        String suffix = "\"}";
        String body = prefix + "p".repeat(MAX_REQUEST_BYTES - prefix.length() - suffix.length()) + suffix;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(MAX_REQUEST_BYTES);

        HttpResponse<byte[]> response = raw().postChunked(RawRequests.signedHeaders("DynamoDB_20120810.DescribeTable"), bytes);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TABLES.lastReceived().body()).hasSize(MAX_REQUEST_BYTES);
    }

    @ParameterizedTest
    @CsvSource({"PUT, /", "DELETE, /", "PATCH, /", "OPTIONS, /", "GET, /foo", "POST, /foo", "PUT, /foo",
            "GET, /actuator/nothing", "POST, /actuator/health"})
    void otherMethodsAndPathsAreUnknownOperations(String method, String path) {
        HttpResponse<byte[]> response = raw().send(method, path, RawRequests.signedHeaders("DynamoDB_20120810.ListTables"), "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RawRequests.text(response)).isEqualTo("{\"__type\":\"" + UNKNOWN_OPERATION + "\"}");
        assertDynamoDbHeaders(response);
        assertNothingForwarded();
        assertStillServesAGoodRequest();
    }

    @Test
    void veryLongUriIs414() {
        HttpResponse<byte[]> response = raw().send("POST", "/?padding=" + "u".repeat(8 * 1024),
                RawRequests.signedHeaders("DynamoDB_20120810.ListTables"), "{}");

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(RawRequests.json(response).get("__type").asString()).isEqualTo(MALFORMED);
        assertDynamoDbHeaders(response);
        assertNothingForwarded();
        assertStillServesAGoodRequest();
    }

    @Test
    void oversizedHeadersAre431() {
        Map<String, String> headers = RawRequests.signedHeaders("DynamoDB_20120810.ListTables");
        headers.put("X-Padding", "h".repeat(16 * 1024));

        HttpResponse<byte[]> response = raw().send("POST", "/", headers, "{}");

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(RawRequests.json(response).get("__type").asString()).isEqualTo(MALFORMED);
        assertDynamoDbHeaders(response);
        assertNothingForwarded();
        assertStillServesAGoodRequest();
    }

    @ParameterizedTest
    @CsvSource({"POST, /%zz", "GET, /%zz", "POST, /a%2", "PUT, /?a=%zz", "POST, /?a=%"})
    void uriWithAMalformedEscapeIsAMalformedRequest(String method, String uri) {
        // "%zz" cannot be percent-decoded: a POST's connection used to close unanswered, other methods got an empty 400
        SocketRequests.Result answer = SocketRequests.send(port, method + " " + uri + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertThat(answer.status()).isEqualTo(400);
        assertDynamoDbError(answer, MALFORMED);
        assertNothingForwarded();
        assertStillServesAGoodRequest();
    }

    @Test
    void bytesThatAreNotHttpAre400() {
        SocketRequests.Result answer = SocketRequests.send(port, "HELLO DYNAMODB PLEASE\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertDynamoDbError(answer, MALFORMED);
        assertNothingForwarded();
        assertStillServesAGoodRequest();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml",
            "application/x-amz-json-1.1", "application/cbor"})
    void bodyOfAnotherContentTypeIsAnUnknownOperation(String contentType) {
        Map<String, String> headers = RawRequests.signedHeaders("DynamoDB_20120810.ListTables");
        headers.put("Content-Type", contentType);

        HttpResponse<byte[]> response = raw().send("POST", "/", headers, "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RawRequests.json(response).get("__type").asString()).isEqualTo(UNKNOWN_OPERATION);
        assertDynamoDbHeaders(response);
        assertNothingForwarded();
        assertStillServesAGoodRequest();
    }

    @Test
    void bodyWithoutContentTypeIsAnUnknownOperation() {
        Map<String, String> headers = RawRequests.signedHeaders("DynamoDB_20120810.ListTables");
        headers.remove("Content-Type");

        HttpResponse<byte[]> response = raw().send("POST", "/", headers, "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RawRequests.json(response).get("__type").asString()).isEqualTo(UNKNOWN_OPERATION);
        assertNothingForwarded();
        assertStillServesAGoodRequest();
    }

    @Test
    void requestWithoutBodyNeedsNoContentType() {
        Map<String, String> headers = RawRequests.signedHeaders("DynamoDB_20120810.ListTables");
        headers.remove("Content-Type");

        HttpResponse<byte[]> response = raw().send("POST", "/", headers, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TABLES.lastReceived().target()).isEqualTo("DynamoDB_20120810.ListTables");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-amz-json-1.0", "application/json", "application/x-amz-json-1.0; charset=utf-8",
            "application/json;charset=UTF-8", "Application/X-Amz-Json-1.0"})
    void jsonContentTypesAreAccepted(String contentType) {
        Map<String, String> headers = RawRequests.signedHeaders("DynamoDB_20120810.ListTables");
        headers.put("Content-Type", contentType);

        HttpResponse<byte[]> response = raw().send("POST", "/", headers, "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TABLES.lastReceived().target()).isEqualTo("DynamoDB_20120810.ListTables");
    }

    private void assertStillServesAGoodRequest() {
        TABLES.reset();
        TABLES.answerAlways(Answer.json(200, "{\"TableNames\":[\"Music\"]}"));

        HttpResponse<byte[]> good = raw().post("DynamoDB_20120810.ListTables", "{}");

        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(RawRequests.text(good)).isEqualTo("{\"TableNames\":[\"Music\"]}");
    }

    private static void assertDynamoDbError(SocketRequests.Result answer, String type) {
        JsonNode error = Json.read(answer.body());
        assertThat(error.get("__type").asString()).isEqualTo(type);
        assertThat(answer.header("Content-Type")).isEqualTo(AwsJsonProtocol.CONTENT_TYPE);
        assertThat(answer.header(AwsJsonProtocol.REQUEST_ID_HEADER)).matches("[A-Z0-9]{52}");
        assertThat(answer.header(AwsJsonProtocol.CRC32_HEADER)).isEqualTo(AwsJsonProtocol.crc32(answer.body()));
    }

    private static void assertDynamoDbHeaders(HttpResponse<byte[]> response) {
        assertThat(response.headers().firstValue("Content-Type")).contains(AwsJsonProtocol.CONTENT_TYPE);
        assertThat(response.headers().firstValue(AwsJsonProtocol.REQUEST_ID_HEADER)).get().asString().matches("[A-Z0-9]{52}");
        assertThat(response.headers().firstValue(AwsJsonProtocol.CRC32_HEADER)).contains(AwsJsonProtocol.crc32(response.body()));
    }

    private static void assertNothingForwarded() {
        assertThat(TABLES.received()).isEmpty();
        assertThat(ITEMS.received()).isEmpty();
        assertThat(STREAMS.received()).isEmpty();
        assertThat(BACKUPS.received()).isEmpty();
    }
}
