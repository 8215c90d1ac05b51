package dev.ddb.table.provisioning;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.ddb.common.region.Regions;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.table.TableServiceProperties;

/**
 * Calls item-service's internal API:
 * {@code POST {item-service-url}/internal/tables} with the TableDescription as JSON body (see {@link TableDescriptionJson}), and
 * {@code DELETE {item-service-url}/internal/tables/{tableName}[?region=<region>]} (the region outside the
 * default one). Any 2xx confirms; for DELETE a
 * 404 does too (nothing left to drop).
 */
@Component
public class HttpTableStorageProvisioner implements TableStorageProvisioner {

    private final URI tables;
    private final Duration timeout;
    private final HttpClient http;

    public HttpTableStorageProvisioner(TableServiceProperties properties) {
        this.tables = URI.create(withoutTrailingSlash(properties.itemServiceUrl().toString()) + "/internal/tables");
        this.timeout = properties.provisioningTimeout();
        // HTTP/1.1: no h2c upgrade negotiation with a plain-HTTP peer.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public void provision(TableDescription table) {
        HttpRequest request = HttpRequest.newBuilder(tables)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TableDescriptionJson.toBytes(table)))
                .build();
        int status = send(request);
        if (status / 100 != 2) {
            throw new TableStorageProvisioningException("item-service answered " + status + " to " + request.method() + " " + request.uri());
        }
    }

    @Override
    public void deprovision(String tableKey) {
        URI table = URI.create(tables + "/" + URLEncoder.encode(Regions.nameOfKey(tableKey), StandardCharsets.UTF_8)
                + regionQuery(tableKey));
        HttpRequest request = HttpRequest.newBuilder(table).timeout(timeout).DELETE().build();
        int status = send(request);
        if (status / 100 != 2 && status != 404) {
            throw new TableStorageProvisioningException("item-service answered " + status + " to " + request.method() + " " + request.uri());
        }
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new TableStorageProvisioningException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TableStorageProvisioningException(request.method() + " " + request.uri() + " interrupted", e);
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code ?region=<region>} for a table outside the default region, else nothing. */
    static String regionQuery(String tableKey) {
        String region = Regions.regionOfKey(tableKey);
        return Regions.isDefault(region) ? "" : "?region=" + URLEncoder.encode(region, StandardCharsets.UTF_8);
    }
}
