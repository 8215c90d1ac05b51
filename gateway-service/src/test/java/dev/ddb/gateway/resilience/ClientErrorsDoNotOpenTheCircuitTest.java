package dev.ddb.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ddb.gateway.routing.DownstreamService;
import dev.ddb.gateway.support.FakeDownstream;
import dev.ddb.gateway.support.FakeDownstream.Answer;
import dev.ddb.gateway.support.RawRequests;

/**
 * One client floods item-service with bad requests while others send good ones. The breaker is
 * tuned to open after 5 failures in 10 calls, so if a bad request counted, it would open at once
 * and the good requests would start failing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=gateway-service",
        "ddb.gateway.circuit-breaker.sliding-window-size=10",
        "ddb.gateway.circuit-breaker.minimum-number-of-calls=5",
        "ddb.gateway.circuit-breaker.failure-rate-threshold=50",
        "ddb.gateway.circuit-breaker.wait-duration-in-open-state=10s"})
class ClientErrorsDoNotOpenTheCircuitTest {

    private static final int BAD_REQUESTS = 200;
    private static final int GOOD_REQUESTS = 50;
    private static final String GOOD_ITEM = "{\"Item\":{\"Artist\":{\"S\":\"Acme Band\"}}}";

    private static final FakeDownstream TABLES = FakeDownstream.start();
    private static final FakeDownstream ITEMS = FakeDownstream.start();
    private static final FakeDownstream STREAMS = FakeDownstream.start();
    private static final FakeDownstream BACKUPS = FakeDownstream.start();

    @LocalServerPort
    int port;

    @Autowired
    DownstreamResilience resilience;

    @DynamicPropertySource
    static void downstreamUrls(DynamicPropertyRegistry registry) {
        registry.add("ddb.gateway.table-service-url", TABLES::url);
        registry.add("ddb.gateway.item-service-url", ITEMS::url);
        registry.add("ddb.gateway.stream-service-url", STREAMS::url);
        registry.add("ddb.gateway.backup-service-url", BACKUPS::url);
    }

    @BeforeEach
    void closedCircuitAndGoodItems() {
        ITEMS.reset();
        ITEMS.answerAlways(Answer.json(200, GOOD_ITEM));
        resilience.circuitBreaker(DownstreamService.ITEM).reset();
    }

    @AfterAll
    static void stopDownstreams() {
        TABLES.close();
        ITEMS.close();
        STREAMS.close();
        BACKUPS.close();
    }

    @ParameterizedTest(name = "bad requests answered {0} {1}")
    @CsvSource({
            "400, com.amazon.coral.validate#ValidationException",
            // a client error type under an unavailable status is still the client's mistake
            "503, com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
            // a live service failing one request (say, on input that trips a bug) is not an outage
            "500, com.amazonaws.dynamodb.v20120810#InternalServerError"})
    void floodOfBadRequestsLeavesTheCircuitClosedForGoodOnes(int status, String type) throws Exception {
        ITEMS.answerWhen(request -> request.bodyText().contains("\"Bad\""),
                Answer.json(status, "{\"__type\":\"" + type + "\",\"message\":\"bad request\"}"));
        CircuitBreaker breaker = resilience.circuitBreaker(DownstreamService.ITEM);

        List<Integer> badStatuses = new ArrayList<>();
        List<HttpResponse<byte[]>> goodResponses = new ArrayList<>();
        flood(badStatuses, goodResponses);

        assertThat(badStatuses).hasSize(BAD_REQUESTS).containsOnly(status);
        assertThat(goodResponses).hasSize(GOOD_REQUESTS).allSatisfy(good -> {
            assertThat(good.statusCode()).isEqualTo(200);
            assertThat(RawRequests.text(good)).isEqualTo(GOOD_ITEM);
        });
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isZero();
    }

    /** The control: with the same settings, a service that says it is unavailable does open its circuit. */
    @Test
    void serviceUnavailableAnswersDoOpenTheCircuit() {
        ITEMS.answerAlways(Answer.json(503,
                "{\"__type\":\"com.amazon.coral.service#ServiceUnavailableException\",\"message\":\"overloaded\"}"));
        CircuitBreaker breaker = resilience.circuitBreaker(DownstreamService.ITEM);
        RawRequests raw = new RawRequests(port);

        for (int i = 0; i < 10 && breaker.getState() == CircuitBreaker.State.CLOSED; i++) {
            raw.post("DynamoDB_20120810.PutItem", "{\"TableName\":\"Music\"}");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int reachedService = ITEMS.received().size();

        HttpResponse<byte[]> shortCircuited = raw.post("DynamoDB_20120810.PutItem", "{\"TableName\":\"Music\"}");

        assertThat(shortCircuited.statusCode()).isEqualTo(503);
        assertThat(RawRequests.json(shortCircuited).get("__type").asString())
                .isEqualTo("com.amazon.coral.service#ServiceUnavailableException");
        assertThat(ITEMS.received()).hasSize(reachedService);
    }

    /** Sends the bad and the good requests interleaved, eight at a time. */
    private void flood(List<Integer> badStatuses, List<HttpResponse<byte[]>> goodResponses) throws Exception {
        RawRequests raw = new RawRequests(port);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<byte[]>>> bad = new ArrayList<>();
            List<Future<HttpResponse<byte[]>>> good = new ArrayList<>();
            for (int i = 0; i < BAD_REQUESTS; i++) {
                bad.add(clients.submit(() -> raw.post("DynamoDB_20120810.PutItem",
                        "{\"TableName\":\"Music\",\"Item\":{\"Bad\":{\"X\":\"1\"}}}")));
                if (i % (BAD_REQUESTS / GOOD_REQUESTS) == 0) {
                    good.add(clients.submit(() -> raw.post("DynamoDB_20120810.GetItem",
                            "{\"TableName\":\"Music\",\"Key\":{\"Artist\":{\"S\":\"Acme Band\"}}}")));
                }
            }
            for (Future<HttpResponse<byte[]>> response : bad) {
                badStatuses.add(response.get().statusCode());
            }
            for (Future<HttpResponse<byte[]>> response : good) {
                goodResponses.add(response.get());
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
