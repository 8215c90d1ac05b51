package dev.ddb.item.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ddb.item.support.RunningItemService;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The internal endpoints of backups and restores: a table being restored refuses item requests
 * and takes loaded items (twice is harmless) with their index entries; once finished it takes item
 * requests and refuses loads (409); a snapshot streams every item and ends with its count.
 */
class RestoreLoadTest {

    private static final String RESTORING = "{\"TableName\":\"Restored\",\"TableId\":\"id-Restored\",\"TableStatus\":\"CREATING\","
            + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
            + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"},{\"AttributeName\":\"grp\",\"AttributeType\":\"S\"}],"
            + "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"ByGroup\",\"KeySchema\":[{\"AttributeName\":\"grp\",\"KeyType\":\"HASH\"}],"
            + "\"Projection\":{\"ProjectionType\":\"ALL\"}}],"
            + "\"RestoreSummary\":{\"SourceBackupArn\":\"arn:b\",\"SourceTableArn\":\"arn:t\",\"RestoreDateTime\":1.0,\"RestoreInProgress\":%s}}";
    private static final String ITEMS = """
            {"Item":{"id":{"S":"a"},"grp":{"S":"g1"}}}
            {"Item":{"id":{"S":"b"},"grp":{"S":"g1"},"n":{"N":"12345678901234567890123456789012345678"}}}
            {"Item":{"id":{"S":"c"}}}
            """;

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRestoringTableIsLoadedThenFinished() throws Exception {
        try (RunningItemService service = RunningItemService.start(dataDir, "ASYNC")) {
            service.provision(RESTORING.formatted("true"));
            try {
                service.client().putItem(r -> r.tableName("Restored").item(Map.of("id", AttributeValue.fromS("x"))));
                throw new AssertionError("a put into a table being restored succeeded");
            } catch (ResourceNotFoundException expected) {
                // as DynamoDB answers for a table that is not ACTIVE yet
            }
            assertThat(load(service, "id-Restored", ITEMS).statusCode()).isEqualTo(200);
            assertThat(load(service, "id-Restored", ITEMS).body()).isEqualTo("{\"Loaded\":3,\"Refused\":0}");
            assertThat(load(service, "id-Other", ITEMS).statusCode()).isEqualTo(404);
            assertThat(snapshot(service).statusCode()).as("no snapshot of a table being restored").isEqualTo(404);

            service.provision(RESTORING.formatted("false").replace("CREATING", "ACTIVE"));
            assertThat(load(service, "id-Restored", ITEMS).statusCode()).isEqualTo(409);
            assertThat(service.client().scan(r -> r.tableName("Restored")).count()).isEqualTo(3);
            assertThat(service.client().query(r -> r.tableName("Restored").indexName("ByGroup")
                    .keyConditionExpression("grp = :g").expressionAttributeValues(Map.of(":g", AttributeValue.fromS("g1"))))
                    .count()).isEqualTo(2);
            service.client().putItem(r -> r.tableName("Restored").item(Map.of("id", AttributeValue.fromS("d"))));

            HttpResponse<String> snapshot = snapshot(service);
            assertThat(snapshot.statusCode()).isEqualTo(200);
            assertThat(snapshot.headers().firstValue("X-Ddb-Table-Id")).contains("id-Restored");
            assertThat(snapshot.body().lines().toList()).hasSize(5).last().isEqualTo("{\"ItemCount\":4}");
            assertThat(snapshot.body()).contains("\"12345678901234567890123456789012345678\"");

            // point-in-time recovery: the snapshot's last change sequence, and the change log's position
            long sequence = Long.parseLong(snapshot.headers().firstValue("X-Ddb-Sequence").orElseThrow());
            long before = System.currentTimeMillis();
            var position = dev.ddb.common.json.Json.read(position(service).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(position.get("Sequence").longValue()).isEqualTo(sequence);
            assertThat(position.get("Time").longValue()).isBetween(before, System.currentTimeMillis());
            service.client().putItem(r -> r.tableName("Restored").item(Map.of("id", AttributeValue.fromS("e"))));
            var after = dev.ddb.common.json.Json.read(position(service).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(after.get("Sequence").longValue()).isEqualTo(sequence + 1);
            assertThat(Long.parseLong(snapshot(service).headers().firstValue("X-Ddb-Sequence").orElseThrow())).isEqualTo(sequence + 1);
        }
    }

    @Test
    void anItemAnUpdateNestedTooDeepIsRestoredAndLinesThatAreNoItemRefused() throws Exception {
        // before updates were checked against the nesting limit, one could store an item nested deeper than 32 levels
        String tooDeep = "{\"S\":\"leaf\"}";
        for (int i = 0; i < 32; i++) {
            tooDeep = "{\"M\":{\"a\":" + tooDeep + "}}";
        }
        try (RunningItemService service = RunningItemService.start(dataDir, "ASYNC")) {
            service.provision(RESTORING.formatted("true"));

            HttpResponse<String> loaded = load(service, "id-Restored", ITEMS + "{\"Item\":{\"id\":{\"S\":\"deep\"},\"doc\":" + tooDeep + "}}\n"
                    + "{\"Item\":{\"other\":{\"S\":\"no key\"}}}\n"
                    + "{\"Item\":{\"id\":{\"S\":\"cut short\n"
                    + "{\"Item\":{\"id\":{\"S\":\"lone \\ud800 surrogate\"}}}\n");

            assertThat(loaded.statusCode()).isEqualTo(200);
            assertThat(loaded.body()).isEqualTo("{\"Loaded\":4,\"Refused\":3}");
            service.provision(RESTORING.formatted("false").replace("CREATING", "ACTIVE"));
            assertThat(service.client().getItem(r -> r.tableName("Restored").key(Map.of("id", AttributeValue.fromS("deep")))).item())
                    .containsKey("doc");
        }
    }

    private HttpResponse<String> load(RunningItemService service, String tableId, String lines) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/internal/tables/Restored/items?tableId=" + tableId))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(lines)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String position(RunningItemService service) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/internal/change-log/position")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> snapshot(RunningItemService service) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/internal/tables/Restored/items")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
