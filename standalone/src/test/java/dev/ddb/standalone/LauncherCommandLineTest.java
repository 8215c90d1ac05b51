package dev.ddb.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's command line, run as a user runs it: a JVM of its own. */
class LauncherCommandLineTest {

    @TempDir
    Path dataDir;

    @Test
    void helpPrintsUsageAndTheEnvironmentVariablesWithoutStartingAnything() throws Exception {
        Result result = launch(List.of("--help"), Map.of());

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).startsWith("Usage:").contains("tail <topic>").contains("--from-end").contains("kafka")
                .contains("DDB_DATA_DIR", "DDB_GATEWAY_PORT", "DDB_KAFKA_PORT", "KAFKA_BOOTSTRAP_SERVERS",
                        "DDB_DURABILITY", "DDB_ITEM_PAGE_CACHE_MIB", "DDB_GATEWAY_FORWARDING", "-Xmx", "DDB_GATEWAY_TLS_PORT", "DDB_GATEWAY_HTTP_ENABLED",
                        "DDB_GATEWAY_TLS_ENABLED", "DDB_GATEWAY_TLS_KEYSTORE", "DDB_GATEWAY_TLS_KEYSTORE_PASSWORD", "gateway-cert.pem")
                .doesNotContain("Starting");
    }

    @Test
    void anUnknownCommandExitsWithUsage() throws Exception {
        Result result = launch(List.of("stat"), Map.of());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("Unknown command: stat").contains("Usage:");
    }

    @Test
    void everyTakenPortIsNamedInOneMessage() throws Exception {
        try (ServerSocket gateway = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket https = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket kafka = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Result result = launch(List.of(), Map.of(
                    "DDB_GATEWAY_PORT", Integer.toString(gateway.getLocalPort()),
                    "DDB_GATEWAY_TLS_PORT", Integer.toString(https.getLocalPort()),
                    "DDB_KAFKA_PORT", Integer.toString(kafka.getLocalPort()),
                    "DDB_TABLE_SERVICE_PORT", "0", "DDB_ITEM_SERVICE_PORT", "0",
                    "DDB_STREAM_SERVICE_PORT", "0", "DDB_BACKUP_SERVICE_PORT", "0"));

            assertThat(result.exitCode()).isEqualTo(1);
            List<String> errors = result.output().lines().filter(line -> line.contains("ERROR")).toList();
            assertThat(errors).singleElement().asString()
                    .contains("Ports " + gateway.getLocalPort() + " (gateway-service, DDB_GATEWAY_PORT), "
                            + https.getLocalPort() + " (gateway-service HTTPS, DDB_GATEWAY_TLS_PORT), "
                            + kafka.getLocalPort() + " (the embedded Kafka broker, DDB_KAFKA_PORT) are already in use");
            assertThat(result.output()).doesNotContain("kafka ready");
        }
    }

    @Test
    void theStackRefusesToHalfStartOnATakenPort() throws Exception {
        try (ServerSocket item = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            StackSettings settings = new StackSettings(dataDir, 0, 0, item.getLocalPort(), 0, 0, 0, null, "SYNC", true, GatewayAuth.OPEN,
                    StackSettings.ephemeral(dataDir).gatewayListeners(), null);
            assertThatThrownBy(() -> LocalStack.start(settings))
                    .isInstanceOf(LocalStack.PortInUseException.class)
                    .hasMessageStartingWith("Port " + item.getLocalPort() + " (item-service, DDB_ITEM_SERVICE_PORT) is already in use");
        }
    }

    @Test
    void withHttpOffTheHttpPortIsNotNeeded() throws Exception {
        try (ServerSocket http = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket item = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            StackSettings settings = new StackSettings(dataDir, http.getLocalPort(), 0, item.getLocalPort(), 0, 0, 0, null, "SYNC", true, GatewayAuth.OPEN,
                    new StackSettings.GatewayListeners(false, true, 0), null);
            assertThatThrownBy(() -> LocalStack.start(settings))
                    .isInstanceOf(LocalStack.PortInUseException.class)
                    .hasMessageStartingWith("Port " + item.getLocalPort() + " (item-service, DDB_ITEM_SERVICE_PORT) is already in use");
        }
    }

    @Test
    void theListenersComeFromTheEnvironment() {
        assertThat(StackSettings.fromEnvironment(Map.of()).gatewayListeners()).isEqualTo(new StackSettings.GatewayListeners(true, true, 8443));
        assertThat(StackSettings.fromEnvironment(Map.of("DDB_GATEWAY_HTTP_ENABLED", "false", "DDB_GATEWAY_TLS_PORT", "9443"))
                .gatewayListeners()).isEqualTo(new StackSettings.GatewayListeners(false, true, 9443));
        assertThat(StackSettings.fromEnvironment(Map.of("DDB_GATEWAY_TLS_ENABLED", "FALSE")).gatewayListeners().httpsEnabled()).isFalse();
    }

    @Test
    void theKafkaCommandRunsOnlyTheBrokerUntilStopped() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StandaloneLauncher.class.getName(), "kafka");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DDB_DATA_DIR", dataDir.toString());
        builder.environment().put("DDB_KAFKA_PORT", Integer.toString(port));
        Path output = Files.createTempFile(dataDir, "kafka", ".log");
        Process process = builder.redirectOutput(output.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(output).contains("Kafka ready") && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(output)).contains("Kafka ready on localhost:" + port);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port))) {
                admin.createTopics(List.of(new NewTopic("launcher-test", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("launcher-test");
            }
            assertThat(Files.readString(output)).doesNotContain("item-service", "gateway-service");

            process.destroy(); // SIGTERM, as Ctrl-C
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(output)).contains("Stopped");
            assertThat(dataDir.resolve("kafka")).isDirectory();
        } finally {
            process.destroyForcibly();
        }
    }

    private record Result(int exitCode, String output) {
    }

    private Result launch(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StandaloneLauncher.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DDB_DATA_DIR", dataDir.toString());
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().putAll(env);
        Path output = Files.createTempFile(dataDir, "launcher", ".log");
        Process process = builder.redirectOutput(output.toFile()).start();
        try {
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(exited).as("launcher exited; output:\n%s", text).isTrue();
            return new Result(process.exitValue(), text);
        } finally {
            process.destroyForcibly();
        }
    }
}
