package dev.ddb.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;

import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.gateway.routing.DownstreamService;
import dev.ddb.gateway.support.FakeDownstream;
import dev.ddb.gateway.support.FakeDownstream.Answer;
import dev.ddb.gateway.support.RawRequests;
import dev.ddb.gateway.support.SdkClients;

/**
 * The backup-service is down (nothing listens on its port), the item-service is slow or drops
 * connections on demand, the stream-service drops connections on demand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=gateway-service",
        "ddb.gateway.request-timeout=1s"})
class DownstreamFailureTest {

    private static final String INTERNAL_SERVER_ERROR =
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error\"}";
    private static final String SERVICE_UNAVAILABLE = "{\"__type\":\"com.amazon.coral.service#ServiceUnavailableException\","
            + "\"message\":\"DynamoDB is currently unavailable. (This should be a temporary state.)\"}";

    private static final FakeDownstream TABLES = FakeDownstream.start();
    private static final FakeDownstream ITEMS = FakeDownstream.start();
    private static final FakeDownstream STREAMS = FakeDownstream.start();
    private static final String BACKUPS_DOWN = FakeDownstream.unreachableUrl();

    @LocalServerPort
    int port;

    @Autowired
    DownstreamResilience resilience;

    @DynamicPropertySource
    static void downstreamUrls(DynamicPropertyRegistry registry) {
        registry.add("ddb.gateway.table-service-url", TABLES::url);
        registry.add("ddb.gateway.item-service-url", ITEMS::url);
        registry.add("ddb.gateway.stream-service-url", STREAMS::url);
        registry.add("ddb.gateway.backup-service-url", () -> BACKUPS_DOWN);
    }

    @BeforeEach
    void resetDownstreamsAndBreakers() {
        TABLES.reset();
        ITEMS.reset();
        STREAMS.reset();
        // An open circuit answers 503 instead of 500: each test starts from closed circuits.
        for (DownstreamService service : DownstreamService.values()) {
            resilience.circuitBreaker(service).reset();
        }
    }

    @Test
    void serviceThatIsDownGivesInternalServerErrorQuickly() {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.CreateBackup", "{\"TableName\":\"Music\",\"BackupName\":\"b\"}");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(RawRequests.text(response)).isEqualTo(INTERNAL_SERVER_ERROR);
        assertThat(response.headers().firstValue(AwsJsonProtocol.REQUEST_ID_HEADER)).isPresent();
        assertThat(response.headers().firstValue(AwsJsonProtocol.CRC32_HEADER)).contains(AwsJsonProtocol.crc32(response.body()));
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void sdkSeesTheOutageAsInternalServerError() {
        try (DynamoDbClient dynamoDb = SdkClients.dynamoDb(port, new SdkClients.SentBodies())) {
            assertThatThrownBy(() -> dynamoDb.listBackups(b -> b.tableName("Music")))
                    .isInstanceOfSatisfying(InternalServerErrorException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(500));
        }
    }

    @Test
    void slowServiceTimesOutWithInternalServerError() {
        ITEMS.answerNext(Answer.json(200, "{}").after(Duration.ofSeconds(4)));
        CircuitBreaker breaker = resilience.circuitBreaker(DownstreamService.ITEM);

        long start = System.nanoTime();
        HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.PutItem", "{\"TableName\":\"Music\"}");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(RawRequests.text(response)).isEqualTo(INTERNAL_SERVER_ERROR);
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(3500));
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("a timeout counts against the service").isEqualTo(1);
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndThenAnswersServiceUnavailableWithoutACall() {
        CircuitBreaker breaker = resilience.circuitBreaker(DownstreamService.BACKUP);
        for (int i = 0; i < 20 && breaker.getState() != CircuitBreaker.State.OPEN; i++) {
            raw().post("DynamoDB_20120810.DeleteBackup", "{\"BackupArn\":\"arn\"}");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long notPermittedBefore = breaker.getMetrics().getNumberOfNotPermittedCalls();

        HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.DeleteBackup", "{\"BackupArn\":\"arn\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(RawRequests.text(response)).isEqualTo(SERVICE_UNAVAILABLE);
        assertThat(response.headers().firstValue(AwsJsonProtocol.REQUEST_ID_HEADER)).isPresent();
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(notPermittedBefore + 1);
    }

    @Test
    void clientErrorsAnsweredByTheServiceDoNotTripItsBreaker() {
        TABLES.answerAlways(Answer.json(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                + "\"message\":\"Requested resource not found: Table: Missing not found\"}"));
        CircuitBreaker breaker = resilience.circuitBreaker(DownstreamService.TABLE);

        for (int i = 0; i < 25; i++) {
            HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"Missing\"}");
            assertThat(response.statusCode()).isEqualTo(400);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void internalServerErrorOfTheServiceIsRelayedButNotCounted() {
        String answer = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"disk on fire\"}";
        ITEMS.answerNext(Answer.json(500, answer));
        CircuitBreaker breaker = resilience.circuitBreaker(DownstreamService.ITEM);
        int failuresBefore = breaker.getMetrics().getNumberOfFailedCalls();

        HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.UpdateItem", "{\"TableName\":\"Music\"}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(RawRequests.text(response)).isEqualTo(answer);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failuresBefore);
    }

    @Test
    void serviceUnavailableAnswerIsRelayedAndCountedAsAFailure() {
        String answer = "{\"__type\":\"com.amazon.coral.service#ServiceUnavailableException\",\"message\":\"shutting down\"}";
        ITEMS.answerNext(Answer.json(503, answer));
        CircuitBreaker breaker = resilience.circuitBreaker(DownstreamService.ITEM);
        int failuresBefore = breaker.getMetrics().getNumberOfFailedCalls();

        HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.UpdateItem", "{\"TableName\":\"Music\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(RawRequests.text(response)).isEqualTo(answer);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failuresBefore + 1);
    }

    @Test
    void readIsRetriedOnceWhenTheConnectionDrops() {
        STREAMS.answerNext(Answer.hangUpWithoutAnswer());
        STREAMS.answerAlways(Answer.json(200, "{\"Records\":[]}"));

        HttpResponse<byte[]> response = raw().post("DynamoDBStreams_20120810.GetRecords", "{\"ShardIterator\":\"it\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RawRequests.text(response)).isEqualTo("{\"Records\":[]}");
        assertThat(STREAMS.received()).hasSize(2);
    }

    @Test
    void writeIsNotRetriedWhenTheConnectionDrops() {
        ITEMS.answerNext(Answer.hangUpWithoutAnswer());
        CircuitBreaker breaker = resilience.circuitBreaker(DownstreamService.ITEM);

        HttpResponse<byte[]> response = raw().post("DynamoDB_20120810.PutItem", "{\"TableName\":\"Music\"}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(RawRequests.text(response)).isEqualTo(INTERNAL_SERVER_ERROR);
        assertThat(ITEMS.received()).hasSize(1);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("a dropped connection counts against the service")
                .isEqualTo(1);
    }

    private RawRequests raw() {
        return new RawRequests(port);
    }
}
