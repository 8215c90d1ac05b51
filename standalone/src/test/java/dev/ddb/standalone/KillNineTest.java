package dev.ddb.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

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

    /** The launcher's logs stay after the run (the data directory does not). */
    private static final Path LOGS = Path.of("target", "KillNineTest");

    @Test
    void acknowledgedWritesSurviveKillNine() throws Exception {
        int writes = 200;
        long started = System.nanoTime();
        try (LauncherProcess launcher = LauncherProcess.start(dataDir, null, LOGS.resolve("first.log"))) {
            double firstStartSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("First start: gateway ready in %.1f s%n", firstStartSeconds);
            try (DynamoDbClient client = Clients.dynamoDb(launcher.endpoint())) {
                client.createTable(DynamoDbEndToEndTest.hashRangeTable("Crash"));
                for (int i = 0; i < writes; i++) {
                    String sk = Integer.toString(i);
                    client.putItem(r -> r.tableName("Crash").item(Map.of(
                            "pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromN(sk), "v", AttributeValue.fromS("value-" + sk))));
                }
            }
            launcher.kill(); // SIGKILL: no shutdown hook, no clean close
        }

        long restartStarted = System.nanoTime();
        try (LauncherProcess launcher = LauncherProcess.start(dataDir, null, LOGS.resolve("restart.log"))) {
            double restartSeconds = (System.nanoTime() - restartStarted) / 1e9;
            // Recorded, not asserted beyond the launcher's deadline: the time depends on the machine's load.
            System.out.printf("Restart after kill -9: gateway ready in %.1f s%n", restartSeconds);
            try (DynamoDbClient client = Clients.dynamoDb(launcher.endpoint())) {
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
    }
}
