package dev.ddb.bench;

import java.io.File;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another DynamoDB-compatible server, started by the benchmark as a child process on a free port to
 * compare with: dynalite (Node.js; on disk with {@code --path DIR}, LevelDB, or in memory) and moto's
 * server mode (Python, in memory). Nothing of them is part of this project: dynalite is found on the
 * PATH or installed at run time with npm into a cache directory; moto is used only when
 * {@code moto_server} is on the PATH.
 */
final class PeerServer implements Target {

    /** dynalite's major version installed on demand. */
    static final String DYNALITE_PACKAGE = "dynalite@4";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(300);

    /** The peers the benchmark knows how to start. */
    enum Peer {
        /** dynalite with {@code --path DIR}: LevelDB on disk (written without fsync: LevelDB's default). */
        DYNALITE("dynalite"),
        /** dynalite without {@code --path}: memory-level, nothing on disk. */
        DYNALITE_MEMORY("dynalite-memory"),
        /** moto's server mode ({@code moto_server}): everything in memory. */
        MOTO("moto");

        private final String id;

        Peer(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }

        static Peer parse(String name) {
            for (Peer p : values()) {
                if (p.id.equalsIgnoreCase(name.trim())) {
                    return p;
                }
            }
            throw new BenchOptions.UsageException("Unknown peer " + name + "; known: dynalite, dynalite-memory, moto (or none)");
        }
    }

    private final Peer peer;
    private final Process process;
    private final URI endpoint;
    private final Path dataDir;
    private final Path log;
    private String what;
    private Duration startup = Duration.ZERO;

    private PeerServer(Peer peer, Process process, URI endpoint, Path dataDir, Path log, String what) {
        this.peer = peer;
        this.process = process;
        this.endpoint = endpoint;
        this.dataDir = dataDir;
        this.log = log;
        this.what = what;
    }

    /** The peers that can be started here without asking: dynalite needs node (and npm, if not installed yet), moto its server. */
    static List<Peer> available(Path cacheDir) {
        List<Peer> peers = new ArrayList<>();
        if (onPath("node").isPresent() && (installedDynalite(cacheDir).isPresent() || onPath("npm").isPresent())) {
            peers.add(Peer.DYNALITE);
            peers.add(Peer.DYNALITE_MEMORY);
        }
        if (onPath("moto_server").isPresent()) {
            peers.add(Peer.MOTO);
        }
        return peers;
    }

    /**
     * Starts the peer on a free port of 127.0.0.1 and waits until it answers HTTP. dynalite is taken from
     * the PATH, else from {@code cacheDir}, else installed there first ({@code npm install --prefix cacheDir dynalite@4}).
     */
    static PeerServer start(Peer peer, Path cacheDir, Path logDir, Consumer<String> progress) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(peer.id() + ".log");
        int port = ChildProcesses.freePort();
        List<String> command = new ArrayList<>();
        Path dataDir = null;
        String what;
        switch (peer) {
            case DYNALITE, DYNALITE_MEMORY -> {
                Path cli = dynalite(cacheDir, logDir, progress);
                command.add(cli.toString());
                command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port),
                        // no artificial CREATING/DELETING delays: the benchmark waits for ACTIVE either way
                        "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
                String version = dynaliteVersion(cli).map(v -> " " + v).orElse("");
                if (peer == Peer.DYNALITE) {
                    dataDir = Files.createTempDirectory("ddb-bench-dynalite-");
                    command.addAll(List.of("--path", dataDir.toString()));
                    what = "dynalite" + version + " --path " + dataDir + " (LevelDB on disk, no fsync per write), " + cli;
                } else {
                    what = "dynalite" + version + " in memory (no --path), " + cli;
                }
            }
            case MOTO -> {
                Path server = onPath("moto_server").orElseThrow(() -> new IllegalStateException("moto_server is not on the PATH"));
                command.add(server.toString());
                command.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
                what = "moto_server (in memory, Werkzeug threaded server, one line of log per request), " + server;
            }
            default -> throw new IllegalArgumentException(peer.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        long started = System.nanoTime();
        Process process = builder.start();
        PeerServer server = new PeerServer(peer, process, URI.create("http://127.0.0.1:" + port), dataDir, log, what);
        try {
            server.awaitListening();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        server.startup = Duration.ofNanos(System.nanoTime() - started);
        if (peer == Peer.MOTO) {
            server.what = server.motoVersion().map(v -> "moto " + v + " ").orElse("") + server.what;
        }
        return server;
    }

    /** moto has no --version: ask the Python that runs it. */
    private Optional<String> motoVersion() {
        try {
            Path python = Path.of("/proc", Long.toString(process.pid()), "exe").toRealPath();
            Process p = new ProcessBuilder(python.toString(), "-c", "import moto; print(moto.__version__)").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Path dynalite(Path cacheDir, Path logDir, Consumer<String> progress) throws IOException, InterruptedException {
        Optional<Path> found = onPath("dynalite").or(() -> installedDynalite(cacheDir));
        if (found.isPresent()) {
            return found.get();
        }
        Path npm = onPath("npm").orElseThrow(() -> new IllegalStateException("dynalite is not installed and npm is not on the PATH"));
        Files.createDirectories(cacheDir);
        Path installLog = logDir.resolve("npm-install-dynalite.log");
        progress.accept("Installing " + DYNALITE_PACKAGE + " into " + cacheDir + " (npm, once; log " + installLog + ") ...");
        Process install = new ProcessBuilder(npm.toString(), "install", "--prefix", cacheDir.toAbsolutePath().toString(),
                "--no-audit", "--no-fund", "--loglevel=warn", DYNALITE_PACKAGE)
                .redirectErrorStream(true).redirectOutput(installLog.toFile()).start();
        if (!install.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            install.destroyForcibly();
            throw new IllegalStateException("npm install " + DYNALITE_PACKAGE + " took over " + INSTALL_TIMEOUT.toSeconds() + " s");
        }
        return installedDynalite(cacheDir).filter(p -> install.exitValue() == 0).orElseThrow(() -> new IllegalStateException(
                "npm install " + DYNALITE_PACKAGE + " failed (exit " + install.exitValue() + "); see " + installLog));
    }

    private static Optional<Path> installedDynalite(Path cacheDir) {
        Path bin = cacheDir.resolve("node_modules").resolve(".bin").resolve("dynalite");
        return Files.isExecutable(bin) ? Optional.of(bin.toAbsolutePath()) : Optional.empty();
    }

    /** The version in the package.json beside dynalite's cli.js, which its bin links to. */
    private static Optional<String> dynaliteVersion(Path cli) {
        try {
            Path packageJson = cli.toRealPath().getParent().resolve("package.json");
            Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(packageJson));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Path> onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Ready once it answers any HTTP request (neither peer has a health endpoint of its own). */
    private void awaitListening() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(peer.id() + " exited with " + process.exitValue() + " while starting; its log:\n" + tail());
            }
            try {
                http.send(probe, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(peer.id() + " did not answer HTTP within " + STARTUP_TIMEOUT.toSeconds() + " s; its log:\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public String name() {
        return peer.id();
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
        return Kind.PEER;
    }

    @Override
    public String description() {
        return what + " (pid " + process.pid() + ", started in " + String.format(Locale.ROOT, "%.1f s", startup.toMillis() / 1000.0)
                + ", log " + log + ")";
    }

    /** SIGTERM, SIGKILL after 10 s; then removes the data directory (dynalite on disk). */
    @Override
    public void close() {
        ChildProcesses.stop(process, 10);
        if (dataDir != null) {
            ChildProcesses.deleteRecursively(dataDir);
        }
    }
}
