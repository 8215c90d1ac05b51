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
 * service is there with its Dockerfile, the wiring points at the right hosts and ports, and each
 * container has a health check.
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
    void everyServiceIsBuiltFromItsOwnDockerfile() throws IOException {
        for (String name : List.of("gateway-service", "table-service", "item-service", "stream-service", "backup-service")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) service(name).get("build");
            assertThat(build).as(name).containsEntry("dockerfile", name + "/Dockerfile");
            String dockerfile = Files.readString(ROOT.resolve(name).resolve("Dockerfile"));
            assertThat(dockerfile).contains("-pl " + name + " -am package")
                    .contains(name + "/target/" + name + "-0.1.0-SNAPSHOT-exec.jar")
                    .contains("HEALTHCHECK");
        }
    }

    @Test
    void kafkaRunsInKraftModeWithAHealthCheck() throws IOException {
        Map<String, Object> kafka = service("kafka");
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) kafka.get("environment");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(kafka).containsKey("healthcheck");
    }

    @Test
    void gatewayIsPublishedOn8000AndWiredToEveryService() throws IOException {
        Map<String, Object> gateway = service("gateway-service");
        assertThat((List<Object>) gateway.get("ports")).contains("8000:8000");
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) gateway.get("environment");
        assertThat(env).containsEntry("DDB_GATEWAY_TABLE_SERVICE_URL", "http://table-service:8101")
                .containsEntry("DDB_GATEWAY_ITEM_SERVICE_URL", "http://item-service:8102")
                .containsEntry("DDB_GATEWAY_STREAM_SERVICE_URL", "http://stream-service:8103")
                .containsEntry("DDB_GATEWAY_BACKUP_SERVICE_URL", "http://backup-service:8104")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:19092");
        @SuppressWarnings("unchecked")
        Map<String, Object> tableEnv = (Map<String, Object>) service("table-service").get("environment");
        assertThat(tableEnv).containsEntry("DDB_TABLE_ITEM_SERVICE_URL", "http://item-service:8102");
    }
}
