package dev.ddb.standalone;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the local stack keeps its data and which ports it listens on. Port 0 picks a free port
 * (tests); {@code kafkaBootstrapServers} set means use that Kafka instead of the embedded broker.
 * {@code inProcessGateway}: the gateway calls the services in this JVM directly (the default) rather
 * than over HTTP as under docker-compose, which is kept for comparison ({@code DDB_GATEWAY_FORWARDING=http}).
 * {@code auth}: how the gateway authenticates requests ({@code DDB_AUTH_MODE}, {@code DDB_PRINCIPALS_FILE}).
 * {@code gatewayPort} is the gateway's plain HTTP port; {@code gatewayListeners} says which of HTTP and
 * HTTPS it serves and HTTPS's port.
 * {@code masterKeyFile}: the master key every service's files are encrypted under; null means
 * {@code <dataDir>/master.key}.
 */
public record StackSettings(Path dataDir, int gatewayPort, int tableServicePort, int itemServicePort,
                            int streamServicePort, int backupServicePort, int kafkaPort,
                            String kafkaBootstrapServers, String durability, boolean inProcessGateway,
                            GatewayAuth auth, GatewayListeners gatewayListeners, Path masterKeyFile) {

    /**
     * The gateway's listeners: plain HTTP on {@code gatewayPort} ({@code DDB_GATEWAY_HTTP_ENABLED}), HTTPS on
     * {@code httpsPort} ({@code DDB_GATEWAY_TLS_ENABLED}, {@code DDB_GATEWAY_TLS_PORT}); port 0 picks a free one.
     */
    public record GatewayListeners(boolean httpEnabled, boolean httpsEnabled, int httpsPort) {

        public static GatewayListeners fromEnvironment(Map<String, String> env) {
            return new GatewayListeners(flag(env, "DDB_GATEWAY_HTTP_ENABLED"), flag(env, "DDB_GATEWAY_TLS_ENABLED"),
                    port(env, "DDB_GATEWAY_TLS_PORT", 8443));
        }

        /** On unless the variable says off in one of the ways Spring reads it (false, off, no, 0). */
        private static boolean flag(Map<String, String> env, String name) {
            String value = env.get(name);
            return value == null || !Set.of("false", "off", "no", "0").contains(value.trim().toLowerCase(Locale.ROOT));
        }
    }

    /** From environment variables, with DynamoDB Local's port 8000 and Kafka's 9092 as defaults. */
    public static StackSettings fromEnvironment(Map<String, String> env) {
        return new StackSettings(
                Path.of(env.getOrDefault("DDB_DATA_DIR", "./data")),
                port(env, "DDB_GATEWAY_PORT", 8000),
                port(env, "DDB_TABLE_SERVICE_PORT", 8101),
                port(env, "DDB_ITEM_SERVICE_PORT", 8102),
                port(env, "DDB_STREAM_SERVICE_PORT", 8103),
                port(env, "DDB_BACKUP_SERVICE_PORT", 8104),
                port(env, "DDB_KAFKA_PORT", 9092),
                blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                env.getOrDefault("DDB_DURABILITY", "SYNC"),
                !"http".equalsIgnoreCase(env.getOrDefault("DDB_GATEWAY_FORWARDING", "in-process").trim()),
                GatewayAuth.fromEnvironment(env),
                GatewayListeners.fromEnvironment(env),
                Optional.ofNullable(blankToNull(env.get("DDB_MASTER_KEY_FILE"))).map(Path::of).orElse(null));
    }

    /** Every port free-picked and everything under one directory: for tests. */
    public static StackSettings ephemeral(Path dataDir) {
        return new StackSettings(dataDir, 0, 0, 0, 0, 0, 0, null, "SYNC", true, GatewayAuth.OPEN,
                new GatewayListeners(true, true, 0), null);
    }

    public StackSettings withKafkaBootstrapServers(String bootstrapServers) {
        return new StackSettings(dataDir, gatewayPort, tableServicePort, itemServicePort, streamServicePort,
                backupServicePort, kafkaPort, bootstrapServers, durability, inProcessGateway, auth, gatewayListeners, masterKeyFile);
    }

    public StackSettings withDurability(String durability) {
        return new StackSettings(dataDir, gatewayPort, tableServicePort, itemServicePort, streamServicePort,
                backupServicePort, kafkaPort, kafkaBootstrapServers, durability, inProcessGateway, auth, gatewayListeners, masterKeyFile);
    }

    public StackSettings withInProcessGateway(boolean inProcess) {
        return new StackSettings(dataDir, gatewayPort, tableServicePort, itemServicePort, streamServicePort,
                backupServicePort, kafkaPort, kafkaBootstrapServers, durability, inProcess, auth, gatewayListeners, masterKeyFile);
    }

    public StackSettings withAuth(GatewayAuth auth) {
        return new StackSettings(dataDir, gatewayPort, tableServicePort, itemServicePort, streamServicePort,
                backupServicePort, kafkaPort, kafkaBootstrapServers, durability, inProcessGateway, auth, gatewayListeners, masterKeyFile);
    }

    public StackSettings withGatewayListeners(GatewayListeners listeners) {
        return new StackSettings(dataDir, gatewayPort, tableServicePort, itemServicePort, streamServicePort,
                backupServicePort, kafkaPort, kafkaBootstrapServers, durability, inProcessGateway, auth, listeners, masterKeyFile);
    }

    public StackSettings withMasterKeyFile(Path file) {
        return new StackSettings(dataDir, gatewayPort, tableServicePort, itemServicePort, streamServicePort,
                backupServicePort, kafkaPort, kafkaBootstrapServers, durability, inProcessGateway, auth, gatewayListeners, file);
    }

    /** The master key's file: {@code DDB_MASTER_KEY_FILE}, else {@code <data-dir>/master.key} (created on first start). */
    public Path masterKeyPath() {
        return (masterKeyFile != null ? masterKeyFile : dataDir.resolve("master.key")).toAbsolutePath().normalize();
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
