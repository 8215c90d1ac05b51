package dev.ddb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The raw client against a tiny HTTP server in the test, which checks every request as DynamoDB would
 * (content type, target, the SigV4 signature recomputed with the AWS SDK's own signer) and answers as
 * the test tells it: with Content-Length or chunked, keeping or closing the connection.
 */
class RawHttpLoadTest {

    private static final Duration RUN = Duration.ofMillis(400);

    private final Dataset data = new Dataset(100);
    private final Map<String, AtomicLong> checkedByOperation = new ConcurrentHashMap<>();
    private final AtomicLong rejected = new AtomicLong();
    private volatile String lastRejection;
    private HttpServer server;

    /** How the test server answers an operation. */
    private record Answer(int status, String body, boolean chunked, boolean close) {
        static Answer ok(String body) {
            return new Answer(200, body, false, false);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void everyWorkloadSendsSignedDynamoDbRequestsAndCountsDynamoDbLikeAnswers() throws IOException {
        RawHttpLoad raw = start(operation -> switch (operation) {
            case "GetItem" -> new Answer(200, "{\"Item\":{\"pk\":{\"S\":\"user0000000001\"}}}", true, false);
            case "Query" -> Answer.ok("{\"Count\":10,\"Items\":[],\"ScannedCount\":10}");
            case "BatchWriteItem" -> Answer.ok("{\"UnprocessedItems\":{}}");
            default -> Answer.ok("{}");
        });

        for (Workload workload : Workload.values()) {
            ClosedLoopRunner.Run run = raw.run(data, workload, 4, RUN);

            assertEquals(0, run.failed(), workload + ": " + run.firstError());
            assertTrue(run.succeeded() > 0, workload + " answered nothing");
            assertEquals(run.succeeded(), run.latencyMicros().getTotalCount());
        }
        assertEquals(0, rejected.get(), lastRejection);
        assertEquals(Map.of("PutItem", true, "GetItem", true, "UpdateItem", true, "Query", true, "BatchWriteItem", true,
                "TransactWriteItems", true), Map.copyOf(checkedByOperation).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get() > 0)));
        assertTrue(raw.signingMicrosPerRequest() > 0);
    }

    @Test
    void answersThatAreNotWhatDynamoDbWouldGiveAreErrorsWithTheFirstOneKept() throws IOException {
        RawHttpLoad raw = start(operation -> switch (operation) {
            case "GetItem" -> Answer.ok("{}");
            case "Query" -> Answer.ok("{\"Count\":3,\"Items\":[],\"ScannedCount\":3}");
            case "BatchWriteItem" -> Answer.ok("{\"UnprocessedItems\":{\"bench_kv\":[{\"PutRequest\":{\"Item\":{}}}]}}");
            default -> new Answer(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
                    + "\"message\":\"The conditional request failed\"}", true, false);
        });

        assertFailsWith(raw.run(data, Workload.GET, 2, RUN), "GetItem found no item for key ");
        assertFailsWith(raw.run(data, Workload.QUERY, 2, RUN), "Query returned 3 items, not 10");
        assertFailsWith(raw.run(data, Workload.BATCH_WRITE, 2, RUN), "BatchWriteItem left items unprocessed");
        assertFailsWith(raw.run(data, Workload.UPDATE, 2, RUN), "HTTP 400: {\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                + "ConditionalCheckFailedException\",\"message\":\"The conditional request failed\"}");
    }

    @Test
    void opensANewConnectionWhenTheServerClosesOne() throws IOException {
        RawHttpLoad raw = start(operation -> new Answer(200, "{}", false, true));

        ClosedLoopRunner.Run run = raw.run(data, Workload.PUT, 3, RUN);

        assertEquals(0, run.failed(), run.firstError());
        assertTrue(run.succeeded() > 3, "answered " + run.succeeded());
    }

    @Test
    void oneCallReturnsTheWholeAnswer() throws IOException {
        String large = "{\"Item\":{\"pk\":{\"S\":\"" + "x".repeat(100_000) + "\"}}}"; // larger than the read buffer
        RawHttpLoad raw = start(operation -> new Answer(200, large, true, false));

        HttpResponseParser.Response response = raw.call(RawRequests.getItem(data, java.util.concurrent.ThreadLocalRandom.current()));

        assertEquals(200, response.status());
        assertEquals(large, new String(response.body(), StandardCharsets.UTF_8));
    }

    private static void assertFailsWith(ClosedLoopRunner.Run run, String firstError) {
        assertEquals(0, run.succeeded());
        assertTrue(run.failed() > 0);
        assertTrue(run.firstError().startsWith(firstError), run.firstError());
    }

    private RawHttpLoad start(Function<String, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                String problem = problem(exchange, target, body);
                Answer answer;
                if (problem != null) {
                    rejected.incrementAndGet();
                    lastRejection = problem;
                    answer = new Answer(400, "{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\",\"message\":\""
                            + problem.replace("\"", "'").replace("\n", " ") + "\"}", false, false);
                } else {
                    String operation = target.substring(RawRequests.TARGET_PREFIX.length());
                    checkedByOperation.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
                    answer = answers.apply(operation);
                }
                byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", SigV4Signer.CONTENT_TYPE);
                if (answer.close()) {
                    exchange.getResponseHeaders().add("Connection", "close");
                }
                exchange.sendResponseHeaders(answer.status(), answer.chunked() ? 0 : out.length);
                exchange.getResponseBody().write(out);
            }
        });
        server.start();
        return new RawHttpLoad(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), BenchMain.ACCESS_KEY, BenchMain.SECRET_KEY);
    }

    /** What DynamoDB would reject in this request, or null. */
    private static String problem(HttpExchange exchange, String target, byte[] body) {
        var headers = exchange.getRequestHeaders();
        if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().toString().equals("/")) {
            return "not POST /: " + exchange.getRequestMethod() + " " + exchange.getRequestURI();
        }
        if (!SigV4Signer.CONTENT_TYPE.equals(headers.getFirst("Content-Type"))) {
            return "Content-Type " + headers.getFirst("Content-Type");
        }
        if (target == null || !target.startsWith(RawRequests.TARGET_PREFIX)) {
            return "X-Amz-Target " + target;
        }
        if (!Integer.toString(body.length).equals(headers.getFirst("Content-Length"))) {
            return "Content-Length " + headers.getFirst("Content-Length") + " for " + body.length + " bytes";
        }
        String json = new String(body, StandardCharsets.UTF_8);
        if (!json.startsWith("{\"") || !json.endsWith("}")) {
            return "body " + json;
        }
        String expected = SdkSignature.authorization(headers.getFirst("Host"), target, body, headers.getFirst("X-Amz-Date"));
        if (!expected.equals(headers.getFirst("Authorization"))) {
            return "signature: expected " + expected + ", got " + headers.getFirst("Authorization");
        }
        return null;
    }
}
