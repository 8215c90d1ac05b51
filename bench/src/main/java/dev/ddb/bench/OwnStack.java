package dev.ddb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Our stack as a child process: {@code java -jar ddb-standalone.jar} (or the services as separate
 * JVMs, {@link ComposeLikeStack}) with a temporary data directory, every port free-picked and the
 * given durability; ready once {@code GET /} on the gateway answers 200.
 */
final class OwnStack implements Target {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);
    private static final String COMPOSE = "-COMPOSE";
    /** The gateway in verify mode (DDB_AUTH_MODE=verify), every signature checked against the benchmark's key. */
    private static final String VERIFY = "-VERIFY";

    private final String name;
    private final String ours;
    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final URI endpoint;
    /** How it was started, for the report: the java command without the environment. */
    private final String javaCommand;
    private Duration startup = Duration.ZERO;

    private OwnStack(String name, String ours, Process process, Path dataDir, Path log, URI endpoint,
                     String javaCommand) {
        this.name = name;
        this.ours = ours;
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.endpoint = endpoint;
        this.javaCommand = javaCommand;
    }

    /** The JVM options of the README's start command, so that the figures are those users get. */
    static final List<String> README_JVM_OPTIONS = List.of("-Xms96m", "-Xmx512m", "-XX:NewSize=16m", "-XX:NewRatio=5",
            "-XX:+UseSerialGC", "-XX:-ShrinkHeapInSteps");

    /**
     * @param ours SYNC or ASYNC (the standalone launcher), SYNC-COMPOSE or ASYNC-COMPOSE ({@link ComposeLikeStack}),
     *             SYNC-VERIFY or ASYNC-VERIFY (the standalone launcher verifying signatures)
     */
    static OwnStack start(Path jar, String ours, List<String> jvmOptions, Path logDir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Our stack's jar " + jar.toAbsolutePath() + " is missing. Build it first: "
                    + "mvn -B -ntp -q -pl standalone -am package -DskipTests (or pass --stack-jar, or --ours none)");
        }
        boolean compose = ours.endsWith(COMPOSE);
        boolean verify = ours.endsWith(VERIFY);
        String durability = compose || verify ? ours.substring(0, ours.indexOf('-')) : ours;
        String name = "ours-" + ours.toLowerCase(Locale.ROOT);
        Path dataDir = Files.createTempDirectory("ddb-bench-" + ours.toLowerCase(Locale.ROOT) + "-");
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        int gatewayPort = ChildProcesses.freePort();

        ProcessBuilder builder = compose
                ? ComposeLikeStack.processBuilder(jar, durability, jvmOptions, dataDir, gatewayPort)
                : standalone(jar, durability, jvmOptions, dataDir, gatewayPort);
        if (verify) {
            verifySignatures(builder, dataDir);
        }
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS"); // its own broker, like a user's laptop
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // the benchmark's own JVM options are not the stack's
        builder.environment().put("MALLOC_ARENA_MAX", "2"); // as the README's start command sets it
        builder.redirectErrorStream(true).redirectOutput(log.toFile());

        long started = System.nanoTime();
        Process process = builder.start();
        URI endpoint = URI.create("http://localhost:" + gatewayPort);
        List<String> java = new ArrayList<>(List.of("java"));
        java.addAll(jvmOptions);
        java.addAll(compose ? List.of("-jar", "<each service's jar>") : jarArguments(jar));
        OwnStack stack = new OwnStack(name, ours, process, dataDir, log, endpoint, String.join(" ", java));
        try {
            stack.awaitHealthy();
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
        stack.startup = Duration.ofNanos(System.nanoTime() - started);
        return stack;
    }

    private static ProcessBuilder standalone(Path jar, String durability, List<String> jvmOptions, Path dataDir, int gatewayPort)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(jarArguments(jar));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("DDB_DATA_DIR", dataDir.toString());
        env.put("DDB_GATEWAY_PORT", Integer.toString(gatewayPort));
        env.put("DDB_GATEWAY_TLS_PORT", Integer.toString(ChildProcesses.freePort())); // two stacks at once must not share 8443
        env.put("DDB_TABLE_SERVICE_PORT", Integer.toString(ChildProcesses.freePort()));
        env.put("DDB_ITEM_SERVICE_PORT", Integer.toString(ChildProcesses.freePort()));
        env.put("DDB_STREAM_SERVICE_PORT", Integer.toString(ChildProcesses.freePort()));
        env.put("DDB_BACKUP_SERVICE_PORT", Integer.toString(ChildProcesses.freePort()));
        env.put("DDB_KAFKA_PORT", Integer.toString(ChildProcesses.freePort()));
        env.put("DDB_DURABILITY", durability);
        return builder;
    }

    /**
     * The jar the README's start command runs, in the build's {@code standalone/target}: the extracted
     * {@code app/ddb-standalone.jar}, unless the jar of jars is newer (a build with {@code -Dddb.cds.skip}
     * repackages it but leaves an earlier extraction behind) or the extraction is missing.
     */
    static Path defaultJar(Path standaloneTarget) {
        Path jarOfJars = standaloneTarget.resolve("ddb-standalone.jar");
        Path extracted = standaloneTarget.resolve("app").resolve("ddb-standalone.jar");
        try {
            if (Files.isRegularFile(extracted) && (!Files.isRegularFile(jarOfJars)
                    || Files.getLastModifiedTime(extracted).compareTo(Files.getLastModifiedTime(jarOfJars)) >= 0)) {
                return extracted;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + standaloneTarget, e);
        }
        return jarOfJars;
    }

    /**
     * The jar, with the class data sharing archive named after it when one is beside it: the build's
     * extracted {@code app/ddb-standalone.jar} has {@code app/ddb-standalone.jsa} (README, "Start-up:
     * class data sharing"); the jar of jars has none.
     */
    static List<String> jarArguments(Path jar) {
        Path absolute = jar.toAbsolutePath();
        Path archive = absolute.resolveSibling(absolute.getFileName().toString().replaceFirst("\\.jar$", "") + ".jsa");
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-jar", absolute.toString());
        }
        return List.of("-jar", absolute.toString());
    }

    /** The benchmark's clients sign with key "local", secret "local": the one principal, allowed everything. */
    private static void verifySignatures(ProcessBuilder builder, Path dataDir) throws IOException {
        Path principals = dataDir.resolve("principals.json");
        Files.writeString(principals, """
                {"accountId": "123456789012", "principals": [{"name": "bench", "accessKeyId": "local",
                  "secretAccessKey": "local", "policies": [{"Version": "2012-10-17",
                  "Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}]}]}]}
                """);
        builder.environment().put("DDB_AUTH_MODE", "verify");
        builder.environment().put("DDB_PRINCIPALS_FILE", principals.toString());
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; its log:\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not answer GET / with 200 within " + STARTUP_TIMEOUT.toSeconds()
                + " s; its log:\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public Optional<ProcessHandle> process() {
        return Optional.of(process.toHandle());
    }

    @Override
    public Kind kind() {
        return Kind.OURS;
    }

    Path log() {
        return log;
    }

    @Override
    public String description() {
        return "our stack, " + ours + ", " + javaCommand
                + " (pid " + process.pid() + ", started in " + String.format("%.1f s", startup.toMillis() / 1000.0)
                + ", log " + log + ")";
    }

    /** SIGTERM (the launcher's shutdown hook closes the services and Kafka), SIGKILL after 30 s; then removes the data. */
    @Override
    public void close() {
        ChildProcesses.stop(process, 30);
        ChildProcesses.deleteRecursively(dataDir);
    }
}
