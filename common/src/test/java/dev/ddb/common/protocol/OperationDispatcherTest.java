package dev.ddb.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;

class OperationDispatcherTest {

    private final OperationDispatcher items = new OperationDispatcher(Map.of("GetItem", (context, request) -> Json.object()));

    private static JsonNode body(Response response) {
        return Json.read(response.body());
    }

    @Test
    void anOperationDynamoDbHasButThisServiceDoesNotIsNamedAsNotImplemented() {
        Response response = items.dispatch("DynamoDB_20120810.TransactWriteItems", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).get("__type").asString()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
        assertThat(body(response).get("message").asString())
                .isEqualTo("The operation TransactWriteItems is not implemented by this server yet");
    }

    @Test
    void aTypoGetsTheBareUnknownOperationException() {
        Response response = items.dispatch("DynamoDB_20120810.GetItems", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).get("__type").asString()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
        assertThat(body(response).has("message")).isFalse();
    }
}
