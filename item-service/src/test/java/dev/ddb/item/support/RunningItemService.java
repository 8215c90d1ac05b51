package dev.ddb.item.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ddb.common.json.Json;
import dev.ddb.item.ItemServiceApplication;
import dev.ddb.item.storage.ItemStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;

/**
 * item-service alone on a random port (no Kafka: the outbox just keeps the change records), with
 * a real AWS SDK client, raw AWS JSON requests for what the SDK will not send, and tables
 * provisioned through the internal endpoint as table-service does. Start one per test class.
 */
public final class RunningItemService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final DynamoDbClient client;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningItemService(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .build();
    }

    public static RunningItemService start(Path dataDir) {
        return start(dataDir, "SYNC");
    }

    /** @param durability SYNC or ASYNC (tests of many writes that are not about durability) */
    public static RunningItemService start(Path dataDir, String durability) {
        return new RunningItemService(ItemServiceApplication.builder()
                .run("--server.port=0", "--ddb.item.data-dir=" + dataDir, "--spring.kafka.bootstrap-servers=localhost:1",
                        "--spring.kafka.admin.auto-create=false", "--ddb.item.durability=" + durability));
    }

    /** {@code http://localhost:<port>}, for the internal endpoints. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public DynamoDbClient client() {
        return client;
    }

    /** The store, to see what a request left behind (items, change records in the outbox). */
    public ItemStore store() {
        return context.getBean(ItemStore.class);
    }

    /** A table with a partition key and, when rangeKey is not null, a sort key; types S, N or B. */
    public void provision(String tableName, String hashKey, String hashType, String rangeKey, String rangeType) {
        String keySchema = "{\"AttributeName\":\"" + hashKey + "\",\"KeyType\":\"HASH\"}"
                + (rangeKey == null ? "" : ",{\"AttributeName\":\"" + rangeKey + "\",\"KeyType\":\"RANGE\"}");
        String definitions = "{\"AttributeName\":\"" + hashKey + "\",\"AttributeType\":\"" + hashType + "\"}"
                + (rangeKey == null ? "" : ",{\"AttributeName\":\"" + rangeKey + "\",\"AttributeType\":\"" + rangeType + "\"}");
        String description = "{\"TableName\":\"" + tableName + "\",\"TableId\":\"id-" + tableName + "\",\"KeySchema\":["
                + keySchema + "],\"AttributeDefinitions\":[" + definitions + "]}";
        assertThat(post("/internal/tables", null, description).statusCode()).isEqualTo(204);
    }

    /** A table from a whole TableDescription (with TableId), as table-service sends it; also to change its indexes. */
    public void provision(String description) {
        assertThat(post("/internal/tables", null, description).statusCode()).isEqualTo(204);
    }

    /** GET /internal/tables/{name}/indexes: the state of the table's indexes. */
    public JsonNode indexes(String tableName) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/internal/tables/" + tableName + "/indexes"))
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return Json.read(response.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An operation sent as raw AWS JSON; the answer's body as JSON. */
    public Answer call(String operation, String json) {
        HttpResponse<String> response = post("/", "DynamoDB_20120810." + operation, json);
        return new Answer(response.statusCode(), Json.read(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    /** A raw answer: status and body. */
    public record Answer(int status, JsonNode body) {

        /** The short error code, e.g. ValidationException; null for a success. */
        public String errorCode() {
            String type = body.path("__type").asString(null);
            return type == null ? null : type.substring(type.indexOf('#') + 1);
        }

        public String message() {
            return body.has("message") ? body.get("message").asString() : body.path("Message").asString(null);
        }
    }

    private HttpResponse<String> post(String path, String target, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", target == null ? "application/json" : "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        context.close();
    }
}
