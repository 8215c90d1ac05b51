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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a downstream service: it records every request and answers
 * what the test scripted (a status and JSON body, optionally late, or by dropping the connection).
 */
public final class FakeDownstream implements AutoCloseable {

    /** One request as the downstream service received it. */
    public record Received(String method, String path, String target, String contentType, byte[] body) {

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

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Answer> scripted = new ConcurrentLinkedDeque<>();
    private volatile Answer standing = Answer.json(200, "{}");

    private FakeDownstream(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeDownstream start() {
        try {
            return new FakeDownstream(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answer every request from now on with this. */
    public void answerAlways(Answer answer) {
        standing = answer;
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
        standing = Answer.json(200, "{}");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        Answer answer = scripted.pollFirst();
        if (answer == null) {
            answer = standing;
        }
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
