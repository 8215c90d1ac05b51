package dev.ddb.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** The command line: what to run against which endpoints, for how long. */
public record BenchOptions(
        List<ExternalEndpoint> externalTargets,
        List<String> ownDurabilities,
        /* null: every peer that is available here */
        List<PeerServer.Peer> peers,
        Path peerCache,
        Path stackJar,
        List<String> stackJvmOptions,
        int items,
        int jitWarmupSeconds,
        int warmupSeconds,
        int seconds,
        int rounds,
        int concurrency,
        int loadConcurrency,
        List<Workload> workloads,
        ProjectionType gsiProjection,
        boolean loadOnly,
        List<Workload> jfrWorkloads,
        Path outputDir,
        boolean keepTables,
        boolean skipLoad,
        List<LoadClient> clients) {

    /** An endpoint somebody else started, e.g. DynamoDB Local; with a pid its memory is measured too. */
    public record ExternalEndpoint(String name, URI endpoint, Long pid) {
    }

    static final String USAGE = """
            Usage: java -jar bench/target/ddb-bench.jar [options]

            By default starts our stack twice from standalone/target/ddb-standalone.jar (DDB_DURABILITY=SYNC,
            then ASYNC) on free ports with a temporary data directory, and the peers that are available here
            (dynalite on disk and in memory, moto), and runs every workload against all of them.

              --target NAME=URL        also run against this endpoint (repeatable), e.g.
                                       --target dynamodb-local=http://localhost:8001
              --pid NAME=PID           the process id of an external target, to report its resident memory
              --ours LIST              which of our stacks to start: SYNC,ASYNC (default), SYNC, ASYNC or none;
                                       SYNC-COMPOSE / ASYNC-COMPOSE: the services as separate JVMs wired the way
                                       docker-compose wires them (each service's own jar, HTTP between them, the
                                       launcher's `kafka` command as the broker), measured as one process tree;
                                       SYNC-VERIFY / ASYNC-VERIFY: the launcher with DDB_AUTH_MODE=verify (every
                                       signature checked; the clients' key "local" is the one principal)
              --peers LIST             other servers to start as child processes and compare with: any of
                                       dynalite (LevelDB on disk, --path), dynalite-memory, moto (moto_server), or
                                       none. Default: those available (dynalite needs node, and npm unless it is
                                       on the PATH or in the cache; moto needs moto_server on the PATH)
              --peer-cache DIR         where dynalite is installed on demand (default <out>/peers)
              --stack-jar PATH         the standalone jar (default: as the README's start command, the build's
                                       extracted standalone/target/app/ddb-standalone.jar, or the jar of jars
                                       standalone/target/ddb-standalone.jar when that is newer); with a class
                                       data sharing archive named after it beside it, started with it
              --stack-jvm-opts "OPTS"  JVM options for our stack's processes (default: the README's start command's,
                                       "-Xms96m -Xmx512m -XX:NewSize=16m -XX:NewRatio=5 -XX:+UseSerialGC -XX:-ShrinkHeapInSteps";
                                       the stack also gets MALLOC_ARENA_MAX=2 as there)
              --items N                key space: items loaded per table before the workloads (default 10000)
              --seconds S              measured seconds per workload and round (default 10)
              --jit-warmup S           before round 1, cycle through the workloads unmeasured on each target until
                                       a cycle is < 10%% faster than the previous one, at most S s per target, so
                                       round 1 does not measure a cold JIT (default 60; 0 = off)
              --warmup S               warm-up seconds before each measurement (default 3)
              --rounds R               rounds; targets alternate within each round (default 2)
              --concurrency C          requests in flight (default 16)
              --load-concurrency C     BatchWriteItem requests in flight while loading (default 32)
              --workloads LIST         comma-separated subset of: %s
              --client C               the load generator: sdk (default: the AWS SDK for Java v2 async client),
                                       raw (a plain HTTP/1.1 client: one NIO selector thread, keep-alive connections,
                                       each request SigV4-signed, about as cheap as wrk) or both (each workload
                                       measured with both in the same round, labelled [sdk] / [raw])
              --gsi-projection P       projection of put-gsi's two GSIs: ALL (default) or KEYS_ONLY
              --load-only              load the items and report resident memory only (e.g. --items 1000000)
              --jfr LIST               record a JFR profile (jcmd JFR.start, settings=profile) of each server with a
                                       known pid during these workloads' warm-up + measurement in the last round
              --out DIR                where results.md, logs and profiles go (default bench/target)
              --keep-tables            do not delete the benchmark tables at the end
              --skip-load              use the tables a run with --keep-tables left (same --items): no CreateTable,
                                       no loading; e.g. to measure item-service's own port without the gateway
            """;

    private static final java.util.Set<String> VALUE_OPTIONS = java.util.Set.of("--target", "--pid", "--ours", "--stack-jar",
            "--stack-jvm-opts", "--items", "--seconds", "--warmup", "--jit-warmup", "--rounds", "--concurrency",
            "--load-concurrency", "--workloads", "--client", "--jfr", "--out", "--peers", "--peer-cache", "--gsi-projection");

    static BenchOptions parse(String[] args) {
        List<ExternalEndpoint> targets = new ArrayList<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        List<String> durabilities = List.of("SYNC", "ASYNC");
        Path stackJar = null;
        List<String> jvmOptions = OwnStack.README_JVM_OPTIONS;
        int items = 10_000;
        int jitWarmup = 60;
        int warmup = 3;
        int seconds = 10;
        int rounds = 2;
        int concurrency = 16;
        int loadConcurrency = 32;
        List<Workload> workloads = List.of(Workload.values());
        boolean loadOnly = false;
        List<Workload> jfr = List.of();
        List<PeerServer.Peer> peers = null;
        Path peerCache = null;
        ProjectionType gsiProjection = ProjectionType.ALL;
        Path out = null;
        boolean keepTables = false;
        boolean skipLoad = false;
        List<LoadClient> clients = List.of(LoadClient.SDK);

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> throw new UsageException(null);
                case "--load-only" -> loadOnly = true;
                case "--keep-tables" -> keepTables = true;
                case "--skip-load" -> {
                    skipLoad = true;
                    keepTables = true;
                }
                default -> {
                    if (!VALUE_OPTIONS.contains(arg)) {
                        throw new UsageException("Unknown option " + arg);
                    }
                    if (i + 1 >= args.length) {
                        throw new UsageException("Missing value after " + arg);
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--target" -> {
                            String[] nameUrl = nameValue(arg, value);
                            targets.add(new ExternalEndpoint(nameUrl[0], URI.create(nameUrl[1]), null));
                        }
                        case "--pid" -> {
                            String[] namePid = nameValue(arg, value);
                            pids.put(namePid[0], Long.parseLong(namePid[1]));
                        }
                        case "--ours" -> durabilities = value.equalsIgnoreCase("none") ? List.of()
                                : List.of(value.toUpperCase(Locale.ROOT).split(","));
                        case "--stack-jar" -> stackJar = Path.of(value);
                        case "--stack-jvm-opts" -> jvmOptions = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
                        case "--items" -> items = positive(arg, value);
                        case "--seconds" -> seconds = positive(arg, value);
                        case "--warmup" -> warmup = nonNegative(arg, value);
                        case "--jit-warmup" -> jitWarmup = nonNegative(arg, value);
                        case "--rounds" -> rounds = positive(arg, value);
                        case "--concurrency" -> concurrency = positive(arg, value);
                        case "--load-concurrency" -> loadConcurrency = positive(arg, value);
                        case "--workloads" -> workloads = Workload.parseList(value);
                        case "--jfr" -> jfr = Workload.parseList(value);
                        case "--client" -> clients = LoadClient.parse(value);
                        case "--out" -> out = Path.of(value);
                        case "--peers" -> peers = parsePeers(value);
                        case "--peer-cache" -> peerCache = Path.of(value);
                        case "--gsi-projection" -> gsiProjection = switch (value.toUpperCase(Locale.ROOT).replace('-', '_')) {
                            case "ALL" -> ProjectionType.ALL;
                            case "KEYS_ONLY" -> ProjectionType.KEYS_ONLY;
                            default -> throw new UsageException("--gsi-projection takes ALL or KEYS_ONLY, not " + value);
                        };
                        default -> throw new UsageException("Unknown option " + arg);
                    }
                }
            }
        }
        for (String d : durabilities) {
            if (!List.of("SYNC", "ASYNC", "SYNC-COMPOSE", "ASYNC-COMPOSE", "SYNC-VERIFY", "ASYNC-VERIFY").contains(d)) {
                throw new UsageException("--ours takes SYNC, ASYNC, SYNC-COMPOSE, ASYNC-COMPOSE, SYNC-VERIFY, ASYNC-VERIFY "
                        + "(comma-separated) or none, not " + d);
            }
        }
        if (peers == null && skipLoad) {
            peers = List.of(); // peers start empty: there are no tables to skip loading into
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        durabilities.forEach(d -> names.add("ours-" + d.toLowerCase(Locale.ROOT)));
        for (PeerServer.Peer p : peers == null ? List.of(PeerServer.Peer.values()) : peers) {
            names.add(p.id());
        }
        for (ExternalEndpoint t : targets) {
            if (!names.add(t.name())) {
                throw new UsageException("Two targets are named " + t.name());
            }
        }
        List<ExternalEndpoint> withPids = new ArrayList<>();
        for (ExternalEndpoint t : targets) {
            if (clients.contains(LoadClient.RAW) && !"http".equalsIgnoreCase(t.endpoint().getScheme())) {
                throw new UsageException("--client raw speaks plain HTTP only: " + t.name() + " is " + t.endpoint());
            }
            withPids.add(new ExternalEndpoint(t.name(), t.endpoint(), pids.remove(t.name())));
        }
        if (!pids.isEmpty()) {
            throw new UsageException("--pid names no --target: " + pids.keySet());
        }
        if (withPids.isEmpty() && durabilities.isEmpty() && peers != null && peers.isEmpty()) {
            throw new UsageException("Nothing to run: --ours none, --peers none and no --target");
        }
        if (stackJar == null) {
            stackJar = OwnStack.defaultJar(Files.isDirectory(Path.of("standalone/target"))
                    ? Path.of("standalone/target") : Path.of("../standalone/target"));
        }
        if (out == null) {
            Path cwd = Path.of("").toAbsolutePath();
            if (Files.isDirectory(Path.of("bench"))) {
                out = Path.of("bench/target");
            } else if (cwd.getFileName() != null && cwd.getFileName().toString().equals("bench")) {
                out = Path.of("target");
            } else {
                out = Path.of("bench-results");
            }
        }
        if (peerCache == null) {
            peerCache = out.resolve("peers");
        }
        return new BenchOptions(List.copyOf(withPids), durabilities, peers, peerCache, stackJar, jvmOptions, items, jitWarmup, warmup,
                seconds, rounds, concurrency, loadConcurrency, workloads, gsiProjection, loadOnly, jfr, out, keepTables, skipLoad,
                clients);
    }

    private static List<PeerServer.Peer> parsePeers(String value) {
        if (value.trim().equalsIgnoreCase("none")) {
            return List.of();
        }
        List<PeerServer.Peer> peers = new ArrayList<>();
        for (String name : value.split(",")) {
            if (!name.isBlank() && !peers.contains(PeerServer.Peer.parse(name))) {
                peers.add(PeerServer.Peer.parse(name));
            }
        }
        return List.copyOf(peers);
    }

    private static String[] nameValue(String option, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new UsageException(option + " takes NAME=VALUE, not " + value);
        }
        return new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }

    private static int positive(String option, String value) {
        int n = nonNegative(option, value);
        if (n == 0) {
            throw new UsageException(option + " must be at least 1");
        }
        return n;
    }

    private static int nonNegative(String option, String value) {
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n < 0) {
                throw new UsageException(option + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number, not " + value);
        }
    }

    /** A bad command line; null message = just print the usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
