package dev.ddb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Our services as docker-compose runs them, without Docker: one JVM per service from its own jar
 * ({@code <module>/target/<module>-*-exec.jar}, the jar each image copies), HTTP between them, and
 * a Kafka broker of their own (the launcher's {@code kafka} command standing in for the Kafka
 * container). The environment is the compose file's (KAFKA_BOOTSTRAP_SERVERS, DDB_DATA_DIR, the
 * service URLs), with free ports instead of fixed container ports. One bash process starts them in
 * compose's dependency order and is their parent, so the process tree's CPU and memory are the
 * deployment's; SIGTERM to it stops every JVM.
 */
final class ComposeLikeStack {

    private ComposeLikeStack() {
    }

    /**
     * @param standaloneJar {@code <checkout>/standalone/target/ddb-standalone.jar} or the extracted
     *                      {@code <checkout>/standalone/target/app/ddb-standalone.jar}: the service jars are in the checkout
     */
    static ProcessBuilder processBuilder(Path standaloneJar, String durability, List<String> jvmOptions, Path dataDir,
                                         int gatewayPort) throws IOException {
        Path checkout = checkout(standaloneJar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jvm = java + (jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions));
        int kafka = ChildProcesses.freePort();
        int item = ChildProcesses.freePort();
        int table = ChildProcesses.freePort();
        int stream = ChildProcesses.freePort();
        int backup = ChildProcesses.freePort();

        StringBuilder script = new StringBuilder()
                .append("trap 'kill $(jobs -p) 2>/dev/null; wait' TERM INT\n")
                .append("await() { until (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null; do sleep 0.2; done; }\n")
                .append("export KAFKA_BOOTSTRAP_SERVERS=localhost:").append(kafka).append('\n')
                .append("DDB_DATA_DIR=").append(dataDir).append(" DDB_KAFKA_PORT=").append(kafka)
                .append(' ').append(jvm).append(" -jar ").append(standaloneJar.toAbsolutePath()).append(" kafka &\n")
                .append("await ").append(kafka).append('\n')
                .append(service(jvm, checkout, "item-service", dataDir, item, Map.of("DDB_ITEM_DURABILITY", durability)))
                .append("await ").append(item).append('\n')
                .append(service(jvm, checkout, "table-service", dataDir, table,
                        Map.of("DDB_TABLE_ITEM_SERVICE_URL", "http://localhost:" + item)))
                .append(service(jvm, checkout, "stream-service", dataDir, stream, Map.of()))
                .append(service(jvm, checkout, "backup-service", dataDir, backup,
                        Map.of("DDB_BACKUP_ITEM_SERVICE_URL", "http://localhost:" + item,
                                "DDB_BACKUP_TABLE_SERVICE_URL", "http://localhost:" + table)))
                .append("await ").append(table).append("; await ").append(stream).append("; await ").append(backup).append('\n')
                .append(service(jvm, checkout, "gateway-service", dataDir, gatewayPort, Map.of(
                        "DDB_GATEWAY_TABLE_SERVICE_URL", "http://localhost:" + table,
                        "DDB_GATEWAY_ITEM_SERVICE_URL", "http://localhost:" + item,
                        "DDB_GATEWAY_STREAM_SERVICE_URL", "http://localhost:" + stream,
                        "DDB_GATEWAY_BACKUP_SERVICE_URL", "http://localhost:" + backup,
                        "DDB_GATEWAY_TLS_PORT", Integer.toString(ChildProcesses.freePort()))))
                .append("wait\n");
        return new ProcessBuilder("bash", "-c", script.toString());
    }

    /** The checkout a build's standalone jar is in: the parent of its {@code standalone} module. */
    static Path checkout(Path standaloneJar) {
        for (Path dir = standaloneJar.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            if (dir.getFileName() != null && dir.getFileName().toString().equals("target")
                    && dir.getParent() != null && dir.getParent().getParent() != null) {
                return dir.getParent().getParent();
            }
        }
        throw new IllegalStateException(standaloneJar + " is not in a module's target directory: the service jars"
                + " are found beside standalone/ in the checkout");
    }

    /** What the Dockerfile's entry point gives every service's JVM besides the stack's options. */
    private static final String DOCKERFILE_JVM_OPTIONS = "-Djdk.nio.maxCachedBufferSize=262144";

    private static String service(String jvm, Path checkout, String module, Path dataDir, int port, Map<String, String> env) {
        StringBuilder line = new StringBuilder("DDB_DATA_DIR=").append(dataDir).append(" SERVER_PORT=").append(port);
        env.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
        return line.append(' ').append(jvm).append(' ').append(DOCKERFILE_JVM_OPTIONS)
                .append(" -jar ").append(serviceJar(checkout, module)).append(" &\n").toString();
    }

    private static Path serviceJar(Path checkout, String module) {
        Path target = checkout.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No " + module + " jar in " + target + ": build it with "
                            + "mvn -B -ntp -q -pl standalone -am package -DskipTests"));
        } catch (IOException e) {
            throw new UncheckedIOException("No " + target + ": build the services first", e);
        }
    }
}
