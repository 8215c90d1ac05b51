package dev.ddb.standalone.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import dev.ddb.common.metrics.MeterNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No Docker engine runs the main build, so the compose file is checked by construction: every
 * service is a target of the one Dockerfile, the wiring points at the right hosts and ports, host
 * ports come from variables, and each container has a health check. Prometheus scrapes every
 * service and Grafana's provisioned dashboard asks only for meters the services have.
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

    private static final Map<String, Integer> SERVICE_PORTS = Map.of("gateway-service", 8000, "table-service", 8101,
            "item-service", 8102, "stream-service", 8103, "backup-service", 8104);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
            return new Yaml().load(reader);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServicesActuatorEndpoint() throws IOException {
        Map<String, Object> prometheus = service("prometheus");
        assertThat((String) prometheus.get("image")).startsWith("prom/prometheus:v");
        assertThat((List<Object>) prometheus.get("ports")).containsExactly("${DDB_PROMETHEUS_PORT:-9090}:9090");
        assertThat((List<Object>) prometheus.get("volumes")).contains("./ops/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "prometheus-data:/prometheus");
        Map<String, String> scraped = new LinkedHashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) yaml("ops/prometheus.yml").get("scrape_configs")) {
            assertThat(job.get("metrics_path")).as(job.get("job_name").toString()).isEqualTo("/actuator/prometheus");
            for (Map<String, Object> config : (List<Map<String, Object>>) job.get("static_configs")) {
                for (Object target : (List<Object>) config.get("targets")) {
                    scraped.put(job.get("job_name").toString(), target.toString());
                }
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        SERVICE_PORTS.forEach((name, port) -> expected.put(name, name + ":" + port));
        assertThat(scraped).isEqualTo(expected);
        // every scraped host is a compose service
        assertThat(services()).containsKeys(SERVICE_PORTS.keySet().toArray(String[]::new));
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaIsProvisionedWithThePrometheusDataSourceAndTheDashboard() throws IOException {
        Map<String, Object> grafana = service("grafana");
        assertThat((String) grafana.get("image")).startsWith("grafana/grafana:");
        assertThat((List<Object>) grafana.get("ports")).containsExactly("${DDB_GRAFANA_PORT:-3000}:3000");
        List<Object> volumes = (List<Object>) grafana.get("volumes");
        assertThat(volumes).contains("./ops/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./ops/grafana/dashboards:/var/lib/grafana/dashboards:ro", "grafana-data:/var/lib/grafana");
        for (Object volume : volumes) {
            String source = volume.toString().split(":")[0];
            if (source.startsWith("./")) {
                assertThat(ROOT.resolve(source)).as(volume.toString()).exists();
            }
        }
        Map<String, Object> compose = yaml("docker-compose.yml");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("prometheus-data", "grafana-data");

        Map<String, Object> datasource = ((List<Map<String, Object>>) yaml("ops/grafana/provisioning/datasources/prometheus.yml")
                .get("datasources")).get(0);
        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("uid", "prometheus")
                .containsEntry("url", "http://prometheus:9090");
        Map<String, Object> provider = ((List<Map<String, Object>>) yaml("ops/grafana/provisioning/dashboards/ddb.yml")
                .get("providers")).get(0);
        assertThat((Map<String, Object>) provider.get("options")).containsEntry("path", "/var/lib/grafana/dashboards");
        Map<String, Object> env = (Map<String, Object>) grafana.get("environment");
        String home = env.get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").toString();
        assertThat(ROOT.resolve("ops/grafana/dashboards").resolve(Path.of(home).getFileName())).exists();
    }

    /** The dashboard's queries name only meters the services register (MeterNames), as Prometheus shows them. */
    @Test
    void theDashboardQueriesOnlyMetersTheServicesHave() throws IOException, IllegalAccessException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(ROOT.resolve("ops/grafana/dashboards/ddb-overview.json").toFile());
        Set<String> bases = new java.util.HashSet<>();
        for (Field field : MeterNames.class.getFields()) {
            String value = (String) field.get(null);
            if (Modifier.isStatic(field.getModifiers()) && value.contains(".")) {
                bases.add(value.replace('.', '_'));
            }
        }
        Set<String> suffixes = Set.of("", "_total", "_sum", "_count", "_bucket", "_seconds", "_seconds_bucket",
                "_seconds_sum", "_seconds_count", "_bytes", "_changes_sum", "_changes_count");
        List<String> queried = new ArrayList<>();
        Pattern metric = Pattern.compile("\\b((?:dynamodb|ddb)_[a-z_]+)");
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher names = metric.matcher(target.get("expr").asString());
                while (names.find()) {
                    queried.add(names.group(1));
                }
            }
            assertThat(panel.get("datasource").get("uid").asString()).isEqualTo("prometheus");
        }
        assertThat(queried).hasSizeGreaterThan(15);
        for (String name : queried) {
            assertThat(bases.stream().anyMatch(base -> name.startsWith(base) && suffixes.contains(name.substring(base.length()))))
                    .as(name).isTrue();
        }
    }
}
