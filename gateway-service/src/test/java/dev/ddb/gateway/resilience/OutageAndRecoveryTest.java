package dev.ddb.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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
 * item-service (a real HTTP server) goes down and comes back on the same port: meanwhile the
 * gateway answers at once, first InternalServerError (connection refused), then, with the circuit
 * open, ServiceUnavailableException without trying; afterwards it serves again by itself
 * (open, half-open, closed), while table operations never noticed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=gateway-service",
        "ddb.gateway.request-timeout=10s",
        "ddb.gateway.circuit-breaker.sliding-window-size=4",
        "ddb.gateway.circuit-breaker.minimum-number-of-calls=4",
        "ddb.gateway.circuit-breaker.failure-rate-threshold=50",
        "ddb.gateway.circuit-breaker.wait-duration-in-open-state=500ms"})
class OutageAndRecoveryTest {

    private static final String PUT = "DynamoDB_20120810.PutItem";
    private static final String ITEM = "{\"TableName\":\"Music\",\"Item\":{\"Artist\":{\"S\":\"Acme Band\"}}}";
    /** Well under the 10 s request timeout, with room for a loaded build machine. */
    private static final Duration FAST = Duration.ofSeconds(3);

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

    @AfterAll
    static void stopDownstreams() {
        TABLES.close();
        ITEMS.close();
        STREAMS.close();
        BACKUPS.close();
    }

    @Test
    void outageIsAnsweredFastAndRecoveryNeedsNoRestart() throws InterruptedException {
        RawRequests raw = new RawRequests(port);
        CircuitBreaker breaker = resilience.circuitBreaker(DownstreamService.ITEM);
        assertThat(raw.post(PUT, ITEM).statusCode()).isEqualTo(200);

        ITEMS.stop();
        List<String> outageTypes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = raw.post(PUT, ITEM);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
            assertThat(response.statusCode()).isIn(500, 503);
            outageTypes.add(RawRequests.json(response).get("__type").asString());
        }
        assertThat(outageTypes.get(0)).isEqualTo("com.amazonaws.dynamodb.v20120810#InternalServerError");
        assertThat(outageTypes.get(outageTypes.size() - 1)).isEqualTo("com.amazon.coral.service#ServiceUnavailableException");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(raw.post("DynamoDB_20120810.ListTables", "{}").statusCode()).isEqualTo(200);

        ITEMS.startAgain();
        HttpResponse<byte[]> recovered = raw.post(PUT, ITEM);
        for (int attempt = 0; attempt < 50 && recovered.statusCode() != 200; attempt++) {
            Thread.sleep(100);
            recovered = raw.post(PUT, ITEM);
        }
        assertThat(recovered.statusCode()).isEqualTo(200);
        // Half-open lets a few trial calls through; once they succeed the circuit closes.
        for (int i = 0; i < 20 && breaker.getState() != CircuitBreaker.State.CLOSED; i++) {
            assertThat(raw.post(PUT, ITEM).statusCode()).isEqualTo(200);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(ITEMS.lastReceived().target()).isEqualTo(PUT);
    }
}
