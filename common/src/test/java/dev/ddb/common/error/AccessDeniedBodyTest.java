package dev.ddb.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.AwsJsonProtocol;

class AccessDeniedBodyTest {

    @Test
    void accessDeniedIsCoralsAndSpellsMessageWithACapitalAsDynamoDbDoes() {
        JsonNode body = Json.read(AwsJsonProtocol.errorBody(DynamoDbException.accessDenied("User: x is not authorized")));

        assertThat(body.get("__type").asString()).isEqualTo("com.amazon.coral.service#AccessDeniedException");
        assertThat(body.get("Message").asString()).isEqualTo("User: x is not authorized");
        assertThat(body.has("message")).isFalse();
        assertThat(DynamoDbException.accessDenied("m").status()).isEqualTo(400);
    }

    @Test
    void otherErrorsKeepTheLowerCaseMessage() {
        JsonNode body = Json.read(AwsJsonProtocol.errorBody(DynamoDbException.validation("bad")));

        assertThat(body.get("message").asString()).isEqualTo("bad");
    }
}
