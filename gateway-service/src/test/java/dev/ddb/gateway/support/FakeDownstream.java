package dev.ddb.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a downstream service: it records every request and answers
 * what the test scripted (a status and JSON body, optionally late, or by dropping the connection);
 * it can also go down and come back on the same port.
 */
public final class FakeDownstream implements AutoCloseable {

    /** One request as the downstream service received it. */
    public record Received(String method, String path, String target, String contentType, byte[] body, String region) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to answer; {@code hangUp} closes the connection without any response. */
    public record Answer(int status, String body, String requestId, Duration delay, boolean hangUp) {

        public static Answer json(int status, String body) {
            return new Answer(status, body, null, Duration.ZERO, false);
        }

        public static Answer hangUpWithoutAnswer() {
            return new Answer(0, "", null, Duration.ZERO, true);
        }

        public Answer withRequestId(String id) {
            return new Answer(status, body, id, delay, hangUp);
        }

        public Answer after(Duration wait) {
            return new Answer(status, body, requestId, wait, hangUp);
        }
    }

    /** An answer for the requests that match a condition, e.g. on their body. */
    private record Rule(Predicate<Received> condition, Answer answer) {
    }

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Answer> scripted = new ConcurrentLinkedDeque<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile Answer standing = Answer.json(200, "{}");
    private final int port;
    private volatile HttpServer server;

    private FakeDownstream(int port) {
        this.server = listen(port);
        this.port = server.getAddress().getPort();
    }

    public static FakeDownstream start() {
        return new FakeDownstream(0);
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
            http.setExecutor(executor);
            http.createContext("/", this::handle);
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops listening, as a service that went down: connections are refused until {@link #startAgain()}. */
    public void stop() {
        server.stop(0);
    }

    /** Listens again on the same port, as the service coming back. */
    public void startAgain() {
        server = listen(port);
    }

    /** A URL where nothing listens: a service that is down. */
    public static String unreachableUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Answer every request from now on with this. */
    public void answerAlways(Answer answer) {
        standing = answer;
    }

    /** Answer every request that meets the condition with this, before anything scripted or standing. */
    public void answerWhen(Predicate<Received> condition, Answer answer) {
        rules.add(new Rule(condition, answer));
    }

    /** Answer the next requests with these, in order, then go back to the standing answer. */
    public void answerNext(Answer... answers) {
        scripted.addAll(List.of(answers));
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public Received lastReceived() {
        return received.peekLast();
    }

    /** Forgets what was received and scripted and answers {@code {}} again. */
    public void reset() {
        received.clear();
        scripted.clear();
        rules.clear();
        standing = Answer.json(200, "{}");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body,
                exchange.getRequestHeaders().getFirst("X-Ddb-Region"));
        received.add(request);
        Answer answer = answerTo(request);
        sleep(answer.delay());
        if (answer.hangUp()) {
            // The JDK server closes the connection without answering when a handler fails.
            throw new IOException("dropping the connection on purpose");
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        if (answer.requestId() != null) {
            exchange.getResponseHeaders().set("x-amzn-RequestId", answer.requestId());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Answer answerTo(Received request) {
        for (Rule rule : rules) {
            if (rule.condition().test(request)) {
                return rule.answer();
            }
        }
        Answer next = scripted.pollFirst();
        return next != null ? next : standing;
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
