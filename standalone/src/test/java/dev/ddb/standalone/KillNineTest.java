package dev.ddb.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs the standalone launcher as a separate process, kills it with SIGKILL right after a burst of
 * acknowledged writes, starts it again on the same data directory and finds every write. Prints how
 * long the restart took (Kafka's recovery after a crash is most of it).
 */
class KillNineTest {

    @TempDir
    Path dataDir;

    private Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void acknowledgedWritesSurviveKillNine() throws Exception {
        int writes = 200;
        long started = System.nanoTime();
        String endpoint = launch();
        double firstStartSeconds = (System.nanoTime() - started) / 1e9;
        try (DynamoDbClient client = Clients.dynamoDb(endpoint)) {
            client.createTable(DynamoDbEndToEndTest.hashRangeTable("Crash"));
            for (int i = 0; i < writes; i++) {
                String sk = Integer.toString(i);
                client.putItem(r -> r.tableName("Crash").item(Map.of(
                        "pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromN(sk), "v", AttributeValue.fromS("value-" + sk))));
            }
        }
        process.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean close

        long restartStarted = System.nanoTime();
        endpoint = launch();
        double restartSeconds = (System.nanoTime() - restartStarted) / 1e9;
        // Recorded, not asserted beyond launch()'s deadline: the time depends on the machine's load.
        System.out.printf("Restart after kill -9: gateway ready in %.1f s (first start: %.1f s)%n", restartSeconds, firstStartSeconds);
        try (DynamoDbClient client = Clients.dynamoDb(endpoint)) {
            assertThat(client.listTables().tableNames()).contains("Crash");
            for (int i = 0; i < writes; i++) {
                String sk = Integer.toString(i);
                assertThat(client.getItem(r -> r.tableName("Crash").key(Map.of(
                        "pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromN(sk)))).item())
                        .as("item %s", sk)
                        .containsEntry("v", AttributeValue.fromS("value-" + sk));
            }
        }
    }

    /** Starts the launcher on fresh free ports and waits until the gateway answers. */
    private String launch() throws Exception {
        int gatewayPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                StandaloneLauncher.class.getName());
        builder.environment().put("DDB_DATA_DIR", dataDir.toString());
        builder.environment().put("DDB_GATEWAY_PORT", Integer.toString(gatewayPort));
        builder.environment().put("DDB_GATEWAY_TLS_PORT", Integer.toString(freePort()));
        builder.environment().put("DDB_TABLE_SERVICE_PORT", Integer.toString(freePort()));
        builder.environment().put("DDB_ITEM_SERVICE_PORT", Integer.toString(freePort()));
        builder.environment().put("DDB_STREAM_SERVICE_PORT", Integer.toString(freePort()));
        builder.environment().put("DDB_BACKUP_SERVICE_PORT", Integer.toString(freePort()));
        builder.environment().put("DDB_KAFKA_PORT", Integer.toString(freePort()));
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("launcher.log").toFile());
        process = builder.start();

        String endpoint = "http://localhost:" + gatewayPort;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(process.isAlive()).as("launcher exited; see %s", dataDir.resolve("launcher.log")).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(endpoint)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return endpoint;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Gateway did not come up within 120 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
