package dev.ddb.backup.clients;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.region.Regions;
import tools.jackson.databind.JsonNode;

/** The HTTP/1.1 client of backup-service's internal calls, and the URL of a table on another service. */
final class InternalHttp {

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;

    InternalHttp(URI baseUrl, Duration timeout) {
        String url = baseUrl.toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeout = timeout;
        // HTTP/1.1: no h2c upgrade negotiation with a plain-HTTP peer.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** {@code <base><path>/<table name>[<suffix>]?region=<region>&...}: the region only outside the default one. */
    URI tableUri(String path, String tableKey, String suffix, String query) {
        String region = Regions.regionOfKey(tableKey);
        StringBuilder uri = new StringBuilder(baseUrl).append(path).append('/')
                .append(URLEncoder.encode(Regions.nameOfKey(tableKey), StandardCharsets.UTF_8).replace("+", "%20"))
                .append(suffix);
        String separator = "?";
        if (!Regions.isDefault(region)) {
            uri.append(separator).append("region=").append(URLEncoder.encode(region, StandardCharsets.UTF_8));
            separator = "&";
        }
        if (query != null) {
            uri.append(separator).append(query);
        }
        return URI.create(uri.toString());
    }

    URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout);
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new InternalCallException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalCallException(request.method() + " " + request.uri() + " interrupted", e);
        }
    }

    /** A 4xx with DynamoDB's error body as the DynamoDbException it says; anything else unexpected. */
    static RuntimeException failure(HttpRequest request, int status, byte[] body) {
        if (status / 100 == 4 && body != null && body.length > 0) {
            try {
                JsonNode error = Json.read(body);
                JsonNode type = error.get("__type");
                if (type != null) {
                    JsonNode message = error.get("message");
                    return new DynamoDbException(type.stringValue(), message == null ? null : message.stringValue(), status);
                }
            } catch (RuntimeException e) {
                // not DynamoDB's error shape: reported below
            }
        }
        return new InternalCallException(request.method() + " " + request.uri() + " answered " + status);
    }
}
