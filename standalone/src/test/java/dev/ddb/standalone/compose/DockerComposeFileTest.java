package dev.ddb.standalone.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs the main build, so the compose file is checked by construction: every
 * service is a target of the one Dockerfile, the wiring points at the right hosts and ports, host
 * ports come from variables, and each container has a health check.
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Object>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) services().get(name);
    }

    @Test
    void everyServiceIsATargetOfTheOneDockerfile() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        for (String name : List.of("gateway-service", "table-service", "item-service", "stream-service", "backup-service")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) service(name).get("build");
            assertThat(build).as(name).containsEntry("context", ".").containsEntry("target", name).doesNotContainKey("dockerfile");
            assertThat(dockerfile).as(name).contains("FROM service AS " + name + "\n")
                    .contains("/src/" + name + "/target/" + name + "-0.1.0-SNAPSHOT-exec.jar")
                    .contains(name + "/pom.xml");
            assertThat(ROOT.resolve(name).resolve("Dockerfile")).as("no per-service Dockerfile").doesNotExist();
        }
        // One build stage for all targets, with the dependencies in a layer before the sources.
        assertThat(dockerfile.split("\\bAS build\\b", -1)).hasSize(2);
        assertThat(dockerfile.indexOf("dependency:go-offline")).isPositive().isLessThan(dockerfile.indexOf("COPY . ."));
        assertThat(dockerfile.split("HEALTHCHECK", -1)).hasSize(6);
    }

    @Test
    void hostPortsAndTheAdvertisedKafkaListenerComeFromVariables() throws IOException {
        assertThat((List<Object>) service("gateway-service").get("ports")).containsExactly("${DDB_GATEWAY_PORT:-8000}:8000",
                "${DDB_GATEWAY_TLS_PORT:-8443}:8443");
        Map<String, Object> kafka = service("kafka");
        assertThat((List<Object>) kafka.get("ports")).containsExactly("${DDB_KAFKA_PORT:-9092}:9092");
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) kafka.get("environment");
        assertThat((String) env.get("KAFKA_ADVERTISED_LISTENERS"))
                .contains("EXTERNAL://${DDB_KAFKA_HOST:-localhost}:${DDB_KAFKA_PORT:-9092}");
    }

    @Test
    void kafkaRunsInKraftModeWithAHealthCheck() throws IOException {
        Map<String, Object> kafka = service("kafka");
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) kafka.get("environment");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        @SuppressWarnings("unchecked")
        Map<String, Object> healthcheck = (Map<String, Object>) kafka.get("healthcheck");
        // cheap: no JVM started per probe
        assertThat(healthcheck.get("test").toString()).contains("/dev/tcp/").doesNotContain("kafka-broker-api-versions");
    }

    @Test
    void gatewayIsWiredToEveryService() throws IOException {
        Map<String, Object> gateway = service("gateway-service");
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) gateway.get("environment");
        assertThat(env).containsEntry("DDB_GATEWAY_TABLE_SERVICE_URL", "http://table-service:8101")
                .containsEntry("DDB_GATEWAY_ITEM_SERVICE_URL", "http://item-service:8102")
                .containsEntry("DDB_GATEWAY_STREAM_SERVICE_URL", "http://stream-service:8103")
                .containsEntry("DDB_GATEWAY_BACKUP_SERVICE_URL", "http://backup-service:8104")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:19092")
                .containsEntry("DDB_GATEWAY_TLS_CERTIFICATE_DIR", "/tls")
                .containsEntry("DDB_GATEWAY_TLS_HOST_NAMES", "gateway-service");
        // the certificate directory is kept on the host, where clients find gateway-cert.pem
        assertThat((List<Object>) gateway.get("volumes")).containsExactlyInAnyOrder("${DDB_TLS_DIR:-./tls}:/tls",
                "${DDB_PRINCIPALS_HOST_FILE:-./docs/principals.example.json}:/etc/ddb/principals.json:ro");
        @SuppressWarnings("unchecked")
        Map<String, Object> tableEnv = (Map<String, Object>) service("table-service").get("environment");
        assertThat(tableEnv).containsEntry("DDB_TABLE_ITEM_SERVICE_URL", "http://item-service:8102");
        @SuppressWarnings("unchecked")
        Map<String, Object> backupEnv = (Map<String, Object>) service("backup-service").get("environment");
        assertThat(backupEnv).containsEntry("DDB_BACKUP_ITEM_SERVICE_URL", "http://item-service:8102")
                .containsEntry("DDB_BACKUP_TABLE_SERVICE_URL", "http://table-service:8101")
                .containsEntry("DDB_DATA_DIR", "/data");
    }

    @Test
    void gatewayVerifiesSignaturesAgainstTheMountedExamplePrincipals() throws IOException {
        Map<String, Object> gateway = service("gateway-service");
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) gateway.get("environment");
        assertThat(env).containsEntry("DDB_AUTH_MODE", "${DDB_AUTH_MODE:-verify}")
                .containsEntry("DDB_PRINCIPALS_FILE", "/etc/ddb/principals.json");
        assertThat((List<Object>) gateway.get("volumes"))
                .contains("${DDB_PRINCIPALS_HOST_FILE:-./docs/principals.example.json}:/etc/ddb/principals.json:ro");
    }

    /** Policies name table ARNs with the principals' account: the suite's ARNs must name the same one. */
    @Test
    void everyServiceNamesTheExamplePrincipalsAccount() throws IOException {
        String accountId = new Yaml().<Map<String, Object>>load(Files.readString(ROOT.resolve("docs/principals.example.json")))
                .get("accountId").toString();
        for (String name : List.of("table-service", "item-service", "stream-service", "backup-service", "gateway-service")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> env = (Map<String, Object>) service(name).get("environment");
            assertThat(env).as(name).containsEntry("DDB_ACCOUNT_ID", "${DDB_ACCOUNT_ID:-" + accountId + "}");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceWithFilesSharesOneMasterKeyFileOnTheKeysVolume() throws IOException {
        for (String name : List.of("item-service", "table-service", "stream-service", "backup-service")) {
            Map<String, Object> service = service(name);
            assertThat((Map<String, Object>) service.get("environment")).as(name)
                    .containsEntry("DDB_MASTER_KEY_FILE", "/keys/master.key");
            assertThat((List<Object>) service.get("volumes")).as(name).contains("keys:/keys");
        }
    }
}
