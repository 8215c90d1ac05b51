package dev.ddb.standalone.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API as a user's program calls it: java.net.http, plain JSON; optionally signed with the
 * AWS SDK's own SigV4 signer (service {@code dynamodb}), as {@code verify} mode wants.
 */
final class RestClient {

    /** Numbers read exactly, as a careful client of the REST API reads them. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    private static final Set<String> SET_BY_THE_CLIENT = Set.of("host", "content-length");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String endpoint;
    /** Access key id and secret; null for unsigned calls. */
    private final String[] credentials;

    RestClient(String endpoint) {
        this(endpoint, null, null);
    }

    RestClient(String endpoint, String accessKeyId, String secret) {
        this.endpoint = endpoint;
        this.credentials = accessKeyId == null ? null : new String[] {accessKeyId, secret};
    }

    Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, Map.of());
    }

    Answer put(String path, String body, String... headers) {
        return send("PUT", path, body, pairs(headers));
    }

    Answer patch(String path, String body, String... headers) {
        return send("PATCH", path, body, pairs(headers));
    }

    Answer delete(String path, String... headers) {
        return send("DELETE", path, null, pairs(headers));
    }

    Answer send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (body != null) {
            all.put("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
        }
        URI uri = URI.create(endpoint + pathAndQuery);
        if (credentials != null) {
            SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
            all.forEach(unsigned::putHeader);
            SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                    .identity(AwsCredentialsIdentity.create(credentials[0], credentials[1]))
                    .request(unsigned.build())
                    .payload(ContentStreamProvider.fromByteArray(bytes))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
            all.clear();
            signed.forEachHeader((name, values) -> {
                if (!SET_BY_THE_CLIENT.contains(name.toLowerCase())) {
                    all.put(name, values.get(0));
                }
            });
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        all.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Allow").orElse(null));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static Map<String, String> pairs(String... headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return map;
    }

    /** The status, the JSON body (null when none), its content type, the Location and Allow headers. */
    record Answer(int status, JsonNode body, String contentType, String location, String allow) {

        /** A problem's DynamoDB error name, from {@code __type}. */
        String errorType() {
            String type = body.path("__type").asString(null);
            return type == null ? null : type.substring(type.indexOf('#') + 1);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
