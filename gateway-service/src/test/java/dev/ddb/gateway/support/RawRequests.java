package dev.ddb.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;

/** Hand-made HTTP requests to the gateway, for what an SDK would never send. */
public final class RawRequests {

    public static final String SIGNATURE = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0123456789abcdef";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    public RawRequests(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** A signed POST; {@code target} may be null to send no X-Amz-Target. */
    public HttpResponse<byte[]> post(String target, String body) {
        return post("/", target, body, SIGNATURE);
    }

    public HttpResponse<byte[]> post(String pathAndQuery, String target, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    public HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    public static JsonNode json(HttpResponse<byte[]> response) {
        return Json.read(response.body());
    }

    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
