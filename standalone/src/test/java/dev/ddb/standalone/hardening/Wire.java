package dev.ddb.standalone.hardening;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw AWS JSON 1.0 requests over {@link HttpClient}: exact bytes out, exact bytes in, so that a
 * test can send what no SDK would and see what the server really answers.
 */
final class Wire implements AutoCloseable {

    static final String DYNAMODB = "DynamoDB_20120810.";
    static final String STREAMS = "DynamoDBStreams_20120810.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    /** The shape RequestAuthenticator wants; any key and signature is accepted. */
    static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date;x-amz-target, Signature="
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One request.
     *
     * @param target  the X-Amz-Target value, null for none
     * @param headers headers replacing the defaults; a null value drops that header
     */
    record Call(String target, byte[] body, Map<String, String> headers, String description) {
        Call(String target, byte[] body, String description) {
            this(target, body, Map.of(), description);
        }
    }

    /** What came back; {@code failure} set when nothing did (timeout, connection reset). */
    record Answer(int status, String requestId, byte[] body, Throwable failure) {
        String bodyText() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String type() {
            try {
                JsonNode type = json().get("__type");
                return type == null ? null : type.asString();
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private final URI endpoint;
    private final ExecutorService executor;
    private final HttpClient client;

    Wire(String endpoint, int threads) {
        this.endpoint = URI.create(endpoint + "/");
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "wire-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor)
                .build();
    }

    static String dynamodb(String operation) {
        return DYNAMODB + operation;
    }

    static String streams(String operation) {
        return STREAMS + operation;
    }

    Answer send(String target, byte[] body) {
        return send(new Call(target, body, target));
    }

    Answer send(String target, Object jsonTree) {
        return send(target, JsonTree.write(jsonTree));
    }

    Answer send(Call call) {
        return sendAsync(call).join();
    }

    CompletableFuture<Answer> sendAsync(Call call) {
        HttpRequest request;
        try {
            request = request(call);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Answer(-1, null, null, e));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new Answer(r.statusCode(), r.headers().firstValue("x-amzn-RequestId").orElse(null), r.body(), null))
                .exceptionally(e -> new Answer(-1, null, null, e));
    }

    /** GET / (the health check DynamoDB's endpoints answer). */
    HttpResponse<String> getRoot() throws Exception {
        return client.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(Call call) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("X-Amz-Date", "20260101T000000Z");
        headers.put("Authorization", AUTHORIZATION);
        if (call.target() != null) {
            headers.put("X-Amz-Target", call.target());
        }
        headers.putAll(call.headers());
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
        headers.forEach((name, value) -> {
            if (value != null) {
                builder.header(name, value);
            }
        });
        return builder.build();
    }

    /**
     * What is wrong with an answer by the hardening rules, or null: an answer came, its status is
     * 200 or 4xx (never 5xx), it has an {@code x-amzn-RequestId}, its body is UTF-8 JSON (an
     * object), and an error body names its {@code __type}.
     */
    static String problem(Answer answer) {
        if (answer.failure() != null) {
            Throwable cause = answer.failure();
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return "no answer: " + cause;
        }
        List<String> problems = new ArrayList<>();
        if (answer.status() >= 500) {
            problems.add("status " + answer.status());
        } else if (answer.status() != 200 && (answer.status() < 400 || answer.status() > 499)) {
            problems.add("unexpected status " + answer.status());
        }
        if (answer.requestId() == null || answer.requestId().isEmpty()) {
            problems.add("no x-amzn-RequestId header");
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(answer.body()));
        } catch (CharacterCodingException e) {
            problems.add("body is not valid UTF-8");
        }
        JsonNode body = null;
        try {
            body = answer.json();
        } catch (RuntimeException e) {
            problems.add("body is not JSON");
        }
        if (body != null && !body.isObject()) {
            problems.add("body is not a JSON object");
        } else if (body != null && answer.status() != 200) {
            JsonNode type = body.get("__type");
            if (type == null || !type.isString() || type.asString().isEmpty()) {
                problems.add("error body without __type");
            }
        }
        return problems.isEmpty() ? null : String.join(", ", problems);
    }

    /** Status, __type and message of an answer for a report, e.g. {@code 500 InternalServerError "Internal server error"}. */
    static String summary(Answer answer) {
        if (answer.failure() != null) {
            return "no answer (" + answer.failure() + ")";
        }
        String text = JsonTree.printable(answer.body() == null ? new byte[0] : answer.body(), 300);
        return answer.status() + " " + text;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
