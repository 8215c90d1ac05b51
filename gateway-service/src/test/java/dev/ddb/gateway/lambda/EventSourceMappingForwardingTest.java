package dev.ddb.gateway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.gateway.support.FakeDownstream.Answer;
import dev.ddb.gateway.support.GatewayTestBase;
import dev.ddb.gateway.support.RawRequests;
import tools.jackson.databind.JsonNode;

/** Lambda's event source mapping paths go to stream-service with the signature's region; unsigned ones get Lambda's error shape. */
class EventSourceMappingForwardingTest extends GatewayTestBase {

    private static final String LAMBDA_SIGNATURE = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/eu-west-1/lambda/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0123456789abcdef";

    @Test
    void everyOperationIsForwardedToStreamServiceAsSent() {
        STREAMS.answerAlways(Answer.json(202, "{\"UUID\":\"u\"}"));
        Map<String, String> headers = Map.of("Authorization", LAMBDA_SIGNATURE, "X-Amz-Date", "20250101T000000Z",
                "Content-Type", "application/json");

        HttpResponse<byte[]> created = raw().send("POST", "/2015-03-31/event-source-mappings/", headers, "{\"FunctionName\":\"f\"}");
        assertThat(created.statusCode()).isEqualTo(202);
        assertThat(RawRequests.json(created).get("UUID").stringValue()).isEqualTo("u");
        assertThat(STREAMS.lastReceived().method()).isEqualTo("POST");
        assertThat(STREAMS.lastReceived().path()).isEqualTo("/2015-03-31/event-source-mappings/");
        assertThat(STREAMS.lastReceived().bodyText()).isEqualTo("{\"FunctionName\":\"f\"}");
        assertThat(STREAMS.lastReceived().region()).isEqualTo("eu-west-1");

        raw().send("GET", "/2015-03-31/event-source-mappings/?FunctionName=f&MaxItems=2", headers, null);
        assertThat(STREAMS.lastReceived().method()).isEqualTo("GET");
        raw().send("PUT", "/2015-03-31/event-source-mappings/abc", headers, "{\"BatchSize\":5}");
        assertThat(STREAMS.lastReceived().path()).isEqualTo("/2015-03-31/event-source-mappings/abc");
        raw().send("DELETE", "/2015-03-31/event-source-mappings/abc", headers, null);
        assertThat(STREAMS.lastReceived().method()).isEqualTo("DELETE");
        assertThat(ITEMS.received()).isEmpty();
    }

    @Test
    void anUnsignedRequestGetsLambdasErrorShape() {
        HttpResponse<byte[]> response = raw().send("GET", "/2015-03-31/event-source-mappings/", Map.of(), null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        JsonNode body = RawRequests.json(response);
        assertThat(body.get("Type").stringValue()).isEqualTo("User");
        assertThat(body.get("message").stringValue()).isNotEmpty();
        assertThat(STREAMS.received()).isEmpty();
    }

    @Test
    void stream_serviceDownIsAServiceException() {
        STREAMS.stop();
        try {
            HttpResponse<byte[]> response = raw().send("GET", "/2015-03-31/event-source-mappings/",
                    Map.of("Authorization", LAMBDA_SIGNATURE, "X-Amz-Date", "20250101T000000Z"), null);
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ServiceException");
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"Type\":\"Service\"");
        } finally {
            STREAMS.startAgain();
        }
    }
}
