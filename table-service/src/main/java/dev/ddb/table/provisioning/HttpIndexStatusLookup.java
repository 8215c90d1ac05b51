package dev.ddb.table.provisioning;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.ddb.common.json.Json;
import dev.ddb.common.region.Regions;
import dev.ddb.table.TableServiceProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Calls item-service's {@code GET {item-service-url}/internal/tables/{tableName}/indexes}, which
 * answers {@code {"Indexes":[{"IndexName","IndexStatus":"CREATING"|"ACTIVE","Backfilling","ItemCount","IndexSizeBytes"}]}},
 * and {@code .../statistics}, which answers {@code {"ItemCount","TableSizeBytes","Indexes":[{"IndexName","ItemCount","IndexSizeBytes"}]}};
 * a 404 means item-service holds no such table, so no indexes and no statistics.
 */
@Component
public class HttpIndexStatusLookup implements IndexStatusLookup, TableStatisticsLookup {

    /** DescribeTable waits at most this long for the statistics, then answers without them. */
    private static final Duration STATISTICS_TIMEOUT = Duration.ofSeconds(2);

    private final String tables;
    private final Duration timeout;
    private final HttpClient http;

    public HttpIndexStatusLookup(TableServiceProperties properties) {
        String base = properties.itemServiceUrl().toString();
        this.tables = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/internal/tables/";
        this.timeout = properties.provisioningTimeout();
        // HTTP/1.1: no h2c upgrade negotiation with a plain-HTTP peer.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public List<IndexState> indexStates(String tableKey) {
        return get(tableKey, "/indexes", timeout, HttpIndexStatusLookup::read).orElse(List.of());
    }

    @Override
    public Optional<TableStatistics> statistics(String tableKey) {
        return get(tableKey, "/statistics", STATISTICS_TIMEOUT, HttpIndexStatusLookup::readStatistics);
    }

    /** One of the table's resources, read from item-service's answer; empty for a 404. */
    private <T> Optional<T> get(String tableKey, String resource, Duration within, Function<JsonNode, T> reader) {
        URI uri = URI.create(tables + URLEncoder.encode(Regions.nameOfKey(tableKey), StandardCharsets.UTF_8).replace("+", "%20")
                + resource + HttpTableStorageProvisioner.regionQuery(tableKey));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(within).GET().build();
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() / 100 != 2) {
            throw new TableStorageProvisioningException("item-service answered " + response.statusCode() + " to GET " + uri);
        }
        try {
            return Optional.of(reader.apply(Json.read(response.body())));
        } catch (JacksonException | NullPointerException e) {
            throw new TableStorageProvisioningException("item-service answered an unreadable body to GET " + uri, e);
        }
    }

    static List<IndexState> read(JsonNode body) {
        List<IndexState> states = new ArrayList<>();
        for (JsonNode index : body.path("Indexes")) {
            states.add(new IndexState(index.get("IndexName").stringValue(), index.get("IndexStatus").stringValue(),
                    index.path("Backfilling").booleanValue(false), index.path("ItemCount").longValue(0),
                    index.path("IndexSizeBytes").longValue(0)));
        }
        return states;
    }

    static TableStatistics readStatistics(JsonNode body) {
        Map<String, TableStatistics.Counted> indexes = new HashMap<>();
        for (JsonNode index : body.path("Indexes")) {
            indexes.put(index.path("IndexName").stringValue(""), new TableStatistics.Counted(
                    index.path("ItemCount").longValue(0), index.path("IndexSizeBytes").longValue(0)));
        }
        return new TableStatistics(body.path("ItemCount").longValue(0), body.path("TableSizeBytes").longValue(0), indexes);
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TableStorageProvisioningException("GET " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TableStorageProvisioningException("GET " + request.uri() + " interrupted", e);
        }
    }
}
