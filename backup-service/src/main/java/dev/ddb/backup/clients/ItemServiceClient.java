package dev.ddb.backup.clients;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.ddb.backup.BackupServiceProperties;
import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * item-service's internal API for backups: {@code GET /internal/tables/{name}/items} (a snapshot
 * of the table's items, streamed as NDJSON) and {@code POST /internal/tables/{name}/items?tableId=}
 * (load a chunk of items into a table being restored).
 */
@Component
public class ItemServiceClient {

    private final InternalHttp http;

    public ItemServiceClient(BackupServiceProperties properties) {
        this.http = new InternalHttp(properties.itemServiceUrl(), properties.callTimeout());
    }

    /**
     * A snapshot being streamed: the id of the table it is of, the last change sequence it holds
     * (-1 when item-service did not say), and its lines. Close it.
     */
    public record Snapshot(String tableId, long sequence, InputStream lines) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            lines.close();
        }
    }

    /** The table's items as of now; empty when item-service has no such ACTIVE table. */
    public Optional<Snapshot> snapshot(String tableKey) {
        HttpRequest request = http.request(http.tableUri("/internal/tables", tableKey, "/items", null)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 404) {
            closeQuietly(response.body());
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            closeQuietly(response.body());
            throw new InternalCallException(request.method() + " " + request.uri() + " answered " + response.statusCode());
        }
        long sequence = response.headers().firstValue("X-Ddb-Sequence").map(Long::parseLong).orElse(-1L);
        return Optional.of(new Snapshot(response.headers().firstValue("X-Ddb-Table-Id").orElse(null), sequence,
                response.body()));
    }

    /** item-service's change log position: at {@code timeMillis} its last assigned sequence was {@code sequence}. */
    public record Position(long timeMillis, long sequence) {
    }

    /** {@code GET /internal/change-log/position}. */
    public Position position() {
        HttpRequest request = http.request(http.uri("/internal/change-log/position")).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new InternalCallException(request.method() + " " + request.uri() + " answered " + response.statusCode());
        }
        var node = Json.read(response.body());
        return new Position(node.path("Time").longValue(), node.path("Sequence").longValue());
    }

    /**
     * Puts a chunk of {@code {"Item":...}} lines into the restored table with that TableId.
     *
     * @return how many items item-service refused (an index key of another type than the index's, or a line
     *         that is no item)
     * @throws RestoreTargetGoneException when that table is not being restored any more
     * @throws RestoreAlreadyLoadedException when item-service has finished that table's restore already
     * @throws RestoreRefusedException when item-service refused the chunk (400), which a retry cannot change
     */
    public long load(String tableKey, String tableId, byte[] lines) {
        HttpRequest request = http.request(http.tableUri("/internal/tables", tableKey, "/items", "tableId=" + tableId))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(lines)).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            throw new RestoreTargetGoneException("Table " + tableKey + " (" + tableId + ") is not being restored any more");
        }
        if (response.statusCode() == 409) {
            throw new RestoreAlreadyLoadedException("The restore of table " + tableKey + " (" + tableId + ") has finished in item-service");
        }
        if (response.statusCode() == 400) {
            throw new RestoreRefusedException("item-service refused a chunk of items: " + message(response.body()));
        }
        if (response.statusCode() != 200) {
            throw new InternalCallException(request.method() + " " + request.uri() + " answered " + response.statusCode());
        }
        return Json.read(response.body()).path("Refused").longValue(0);
    }

    /** The {@code message} of an internal error answer, or the body as it is when it has none. */
    private static String message(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode message = Json.read(body).get("message");
            return message != null && message.isString() ? message.stringValue() : text;
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
