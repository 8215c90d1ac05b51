package dev.ddb.standalone;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The standalone launcher as a separate process (this test JVM's classpath, fresh free ports each
 * time, the data directory given), so that it can be killed with SIGKILL: no shutdown hook, no
 * clean close. The kill -9 tests share it.
 */
public final class LauncherProcess implements AutoCloseable {

    private final Process process;
    private final String endpoint;
    private final Path log;

    private LauncherProcess(Process process, String endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /**
     * Starts the launcher on dataDir with the given durability (null: the launcher's default) and
     * waits until the gateway answers; if it exits first, the error shows the end of its log.
     * The ports are free when chosen but another process may take one before the launcher binds
     * it (other builds share the machine): then it starts again on other ports, up to three times.
     */
    public static LauncherProcess start(Path dataDir, String durability, Path log) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(dataDir, durability, log);
            } catch (PortTakenMeanwhile e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The launcher exited because a port chosen as free was taken before it bound it. */
    private static final class PortTakenMeanwhile extends AssertionError {
        PortTakenMeanwhile(String message) {
            super(message);
        }
    }

    private static LauncherProcess startOnce(Path dataDir, String durability, Path log) throws Exception {
        int gatewayPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                StandaloneLauncher.class.getName());
        builder.environment().put("DDB_DATA_DIR", dataDir.toString());
        if (durability != null) {
            builder.environment().put("DDB_DURABILITY", durability);
        }
        builder.environment().put("DDB_GATEWAY_PORT", Integer.toString(gatewayPort));
        builder.environment().put("DDB_GATEWAY_TLS_PORT", Integer.toString(freePort()));
        builder.environment().put("DDB_TABLE_SERVICE_PORT", Integer.toString(freePort()));
        builder.environment().put("DDB_ITEM_SERVICE_PORT", Integer.toString(freePort()));
        builder.environment().put("DDB_STREAM_SERVICE_PORT", Integer.toString(freePort()));
        builder.environment().put("DDB_BACKUP_SERVICE_PORT", Integer.toString(freePort()));
        builder.environment().put("DDB_KAFKA_PORT", Integer.toString(freePort()));
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        LauncherProcess launcher = new LauncherProcess(process, "http://localhost:" + gatewayPort, log);
        try {
            launcher.awaitGateway();
        } catch (Exception | AssertionError e) {
            launcher.close();
            throw e;
        }
        return launcher;
    }

    public String endpoint() {
        return endpoint;
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private void awaitGateway() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                String tail = tail();
                String message = "launcher exited; its log ends with:\n" + tail;
                throw tail.contains("already in use") ? new PortTakenMeanwhile(message) : new AssertionError(message);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(endpoint)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Gateway did not come up within 120 s; see " + log);
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A client that never retries: a call in flight at a kill counts as unknown once, and a retried
     * write whose first attempt was applied (an ADD, a transfer) would count twice.
     */
    public static DynamoDbClient clientWithoutRetries(String endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
