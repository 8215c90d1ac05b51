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
import java.util.List;

import org.springframework.stereotype.Component;

import dev.ddb.common.json.Json;
import dev.ddb.common.region.Regions;
import dev.ddb.table.TableServiceProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Calls item-service's {@code GET {item-service-url}/internal/tables/{tableName}/indexes}, which
 * answers {@code {"Indexes":[{"IndexName","IndexStatus":"CREATING"|"ACTIVE","Backfilling","ItemCount","IndexSizeBytes"}]}};
 * a 404 means item-service holds no such table, so no indexes.
 */
@Component
public class HttpIndexStatusLookup implements IndexStatusLookup {

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
        URI uri = URI.create(tables + URLEncoder.encode(Regions.nameOfKey(tableKey), StandardCharsets.UTF_8).replace("+", "%20")
                + "/indexes" + HttpTableStorageProvisioner.regionQuery(tableKey));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() == 404) {
            return List.of();
        }
        if (response.statusCode() / 100 != 2) {
            throw new TableStorageProvisioningException("item-service answered " + response.statusCode() + " to GET " + uri);
        }
        try {
            return read(Json.read(response.body()));
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
