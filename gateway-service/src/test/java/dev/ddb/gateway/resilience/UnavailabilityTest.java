package dev.ddb.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import dev.ddb.gateway.downstream.DownstreamResponse;

class UnavailabilityTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "400 | {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"bad\"}",
            "400 | {\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\"}",
            "404 | {\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}",
            "413 | ''",
            "500 | {\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error\"}",
            "500 | {\"timestamp\":\"2025-01-01T00:00:00Z\",\"status\":500,\"error\":\"Internal Server Error\"}",
            "503 | {\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"bad\"}",
            "200 | {}"})
    void answersThatDoNotCount(int status, String body) {
        assertThat(Unavailability.isUnavailable(answer(status, body))).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "503 | {\"__type\":\"com.amazon.coral.service#ServiceUnavailableException\",\"message\":\"busy\"}",
            "503 | ''",
            "503 | <html>Service Unavailable</html>",
            "502 | ''",
            "504 | {\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\"}"})
    void answersThatCount(int status, String body) {
        assertThat(Unavailability.isUnavailable(answer(status, body))).isTrue();
    }

    @Test
    void unreachableOrSlowServiceCounts() {
        assertThat(Unavailability.isUnavailable(new TimeoutException("too slow"))).isTrue();
        assertThat(Unavailability.isUnavailable(new WebClientRequestException(new ConnectException("Connection refused"),
                HttpMethod.POST, URI.create("http://localhost:8102/"), new HttpHeaders()))).isTrue();
        assertThat(Unavailability.isUnavailable(new IllegalStateException("read failed", new IOException("Connection reset"))))
                .isTrue();
    }

    @Test
    void gatewayBugDoesNotCount() {
        assertThat(Unavailability.isUnavailable(new NullPointerException())).isFalse();
    }

    private static DownstreamResponse answer(int status, String body) {
        return new DownstreamResponse(status, body.getBytes(StandardCharsets.UTF_8), null, null);
    }
}
