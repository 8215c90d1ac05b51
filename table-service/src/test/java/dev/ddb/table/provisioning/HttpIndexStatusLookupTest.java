package dev.ddb.table.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.ddb.table.TableServiceProperties;

/** The HTTP client of item-service's index states, against a stub server answering the agreed JSON shape. */
class HttpIndexStatusLookupTest {

    private HttpServer server;
    private final AtomicReference<String> requestedPath = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String body = "";
    private HttpIndexStatusLookup lookup;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requestedPath.set(exchange.getRequestURI().getRawPath());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        URI itemService = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        lookup = new HttpIndexStatusLookup(new TableServiceProperties(Path.of("unused"), itemService, "us-east-1",
                Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsEveryIndexItemServiceReports() {
        body = "{\"Indexes\":[{\"IndexName\":\"ByGenre\",\"IndexStatus\":\"CREATING\",\"Backfilling\":true,"
                + "\"ItemCount\":3,\"IndexSizeBytes\":120},{\"IndexName\":\"ByYear\",\"IndexStatus\":\"ACTIVE\","
                + "\"Backfilling\":false,\"ItemCount\":9,\"IndexSizeBytes\":900}]}";

        List<IndexState> states = lookup.indexStates("Music.2024");

        assertThat(requestedPath.get()).isEqualTo("/internal/tables/Music.2024/indexes");
        assertThat(states).containsExactly(new IndexState("ByGenre", "CREATING", true, 3, 120),
                new IndexState("ByYear", "ACTIVE", false, 9, 900));
    }

    @Test
    void readsATablesStatistics() {
        body = "{\"ItemCount\":4,\"TableSizeBytes\":410,\"Indexes\":[{\"IndexName\":\"ByGenre\",\"ItemCount\":3,"
                + "\"IndexSizeBytes\":120}]}";

        TableStatistics statistics = lookup.statistics("Music").orElseThrow();

        assertThat(requestedPath.get()).isEqualTo("/internal/tables/Music/statistics");
        assertThat(statistics).isEqualTo(new TableStatistics(4, 410, Map.of("ByGenre", new TableStatistics.Counted(3, 120))));
        status = 404;
        assertThat(lookup.statistics("Music")).isEmpty();
        status = 500;
        assertThrows(TableStorageProvisioningException.class, () -> lookup.statistics("Music"));
    }

    @Test
    void unknownTableHasNoIndexes() {
        status = 404;

        assertThat(lookup.indexStates("Music")).isEmpty();
    }

    @Test
    void serverErrorIsAFailedLookup() {
        status = 500;

        assertThrows(TableStorageProvisioningException.class, () -> lookup.indexStates("Music"));
    }

    @Test
    void unreadableBodyIsAFailedLookup() {
        body = "not json";

        assertThrows(TableStorageProvisioningException.class, () -> lookup.indexStates("Music"));
    }
}
