package dev.ddb.standalone.triggers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * "Functions" under local development: an in-process HTTP server, one path per function, each
 * keeping every event it was invoked with and answering as its behaviour says.
 */
final class TestFunctions implements AutoCloseable {

    /** What a function answers: an HTTP status and a body. */
    record Answer(int status, String body) {
        static final Answer OK = new Answer(200, "");
    }

    private final HttpServer server;
    private final Map<String, List<JsonNode>> events = new ConcurrentHashMap<>();

    TestFunctions() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    /** Registers a function at {@code /<name>}. */
    void add(String name, Function<JsonNode, Answer> behaviour) {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        events.put(name, received);
        server.createContext("/" + name, exchange -> {
            JsonNode event = Json.read(exchange.getRequestBody().readAllBytes());
            received.add(event);
            Answer answer = behaviour.apply(event);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    /** For {@code DDB_FUNCTIONS} / {@code ddb.stream.functions}: {@code name=url,...}. */
    String registrations() {
        List<String> entries = new ArrayList<>();
        events.keySet().forEach(name -> entries.add(name + "=http://127.0.0.1:" + server.getAddress().getPort() + "/" + name));
        return String.join(",", entries);
    }

    /** Every event the function got, in the order it got them. */
    List<JsonNode> events(String name) {
        return List.copyOf(events.get(name));
    }

    /** The records of every event, in order. */
    List<JsonNode> records(String name) {
        List<JsonNode> records = new ArrayList<>();
        events(name).forEach(event -> event.get("Records").forEach(records::add));
        return records;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
