package dev.ddb.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientAsyncConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * {@code java -jar bench/target/ddb-bench.jar}: starts our stack (SYNC and ASYNC durability) as
 * child processes, adds any {@code --target name=url}, loads the key space into each, then runs
 * every workload for each target, round after round with the target order alternating, and prints
 * throughput, latency percentiles, ratios and resident memory (also to results.md).
 */
public final class BenchMain {

    /** CPU use (of one core) under which a server counts as idle before a measurement. */
    private static final double IDLE_CPU_SHARE = 0.15;
    /** With --load-only, memory is measured again this long after the load, the server left idle. */
    static final Duration IDLE_AFTER_LOAD = Duration.ofSeconds(10);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(20);
    private static final Duration WARMUP_SLICE = Duration.ofMillis(2000);
    /** A warm-up cycle at most this much faster than the one before counts as steady. */
    private static final double STEADY = 1.10;

    /** The clients' keys: what the VERIFY stacks' one principal holds; the other targets do not check them. */
    static final String ACCESS_KEY = "local";
    static final String SECRET_KEY = "local";

    private final BenchOptions options;
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, DynamoDbAsyncClient> measureClients = new LinkedHashMap<>();
    private final Map<String, DynamoDbAsyncClient> adminClients = new LinkedHashMap<>();
    private final Map<String, RawHttpLoad> rawClients = new LinkedHashMap<>();
    private final Results results = new Results();
    private final List<String> notes = new ArrayList<>();
    private final Dataset data;

    private BenchMain(BenchOptions options) {
        this.options = options;
        this.data = new Dataset(options.items());
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.printf(BenchOptions.USAGE, Workload.names());
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        BenchMain bench = new BenchMain(options);
        Thread cleanup = new Thread(bench::closeTargets, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        int status = 0;
        try {
            bench.run();
        } catch (Exception e) {
            System.err.println("Benchmark failed: " + e);
            e.printStackTrace();
            status = 1;
        } finally {
            bench.closeTargets();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        System.exit(status);
    }

    private void run() throws Exception {
        Files.createDirectories(options.outputDir());
        String settings = settings();
        System.out.println(settings);

        for (String durability : options.ownDurabilities()) {
            System.out.printf("Starting our stack (DDB_DURABILITY=%s) from %s ...%n", durability, options.stackJar());
            OwnStack stack = OwnStack.start(options.stackJar(), durability, options.stackJvmOptions(), options.outputDir().resolve("logs"));
            targets.add(stack);
            System.out.println("  " + stack.description());
        }
        startPeers();
        for (BenchOptions.ExternalEndpoint endpoint : options.externalTargets()) {
            targets.add(Target.External.of(endpoint));
        }
        for (Target target : targets) {
            measureClients.put(target.name(), client(target.endpoint(), false));
            adminClients.put(target.name(), client(target.endpoint(), true));
            if (options.clients().contains(LoadClient.RAW)) {
                rawClients.put(target.name(), new RawHttpLoad(target.endpoint(), ACCESS_KEY, SECRET_KEY));
            }
        }

        for (Target target : List.copyOf(targets)) {
            try {
                loadTarget(target);
            } catch (RuntimeException e) {
                if (target.kind() != Target.Kind.PEER) {
                    throw e;
                }
                // a peer that cannot take the data set is left out, not the whole run
                String problem = "left out " + target.name() + ": loading failed: " + e;
                notes.add(problem);
                System.out.println("  " + problem);
                drop(target);
            }
        }
        if (!options.loadOnly()) {
            runRounds();
            for (Target target : targets) {
                settle();
                results.server(target.name()).afterWorkloads = target.process().flatMap(ResidentMemory::of);
            }
        }
        if (!options.keepTables()) {
            for (Target target : targets.stream().filter(Target::external).toList()) { // ours are deleted whole
                try {
                    BenchTables.delete(adminClients.get(target.name()), Dataset.KV_TABLE);
                    BenchTables.delete(adminClients.get(target.name()), Dataset.QUERY_TABLE);
                    BenchTables.delete(adminClients.get(target.name()), Dataset.GSI_TABLE);
                } catch (RuntimeException e) {
                    notes.add("could not delete the benchmark tables on " + target.name() + ": " + e.getMessage());
                }
            }
        }

        rawClients.forEach((name, raw) -> {
            if (!Double.isNaN(raw.signingMicrosPerRequest())) {
                notes.add(String.format(Locale.ROOT, "raw client against %s: SigV4 signing took %.1f us per request "
                        + "(wall time on the client's one thread, included in its client CPU)", name, raw.signingMicrosPerRequest()));
            }
        });
        notes.add("load average (1 / 5 / 15 min) at the end: " + loadAverage());
        Report report = new Report(options, targets, results, notes);
        System.out.println();
        System.out.println(report.text());
        notes.forEach(n -> System.out.println("note: " + n));
        Path file = options.outputDir().resolve("results.md");
        Files.writeString(file, report.markdown(settings));
        System.out.println("Written to " + file.toAbsolutePath().normalize());
    }

    /** Starts the peers asked for (default: those available); one that does not start is left out with a note. */
    private void startPeers() throws InterruptedException {
        List<PeerServer.Peer> peers = options.peers() != null ? options.peers() : PeerServer.available(options.peerCache());
        if (options.peers() == null) {
            List<PeerServer.Peer> missing = new ArrayList<>(List.of(PeerServer.Peer.values()));
            missing.removeAll(peers);
            missing.forEach(p -> notes.add("peer " + p.id() + " is not available here (dynalite needs node and npm; moto needs "
                    + "moto_server on the PATH); --peers names the peers explicitly"));
        }
        for (PeerServer.Peer peer : peers) {
            System.out.printf("Starting peer %s ...%n", peer.id());
            try {
                PeerServer server = PeerServer.start(peer, options.peerCache(), options.outputDir().resolve("logs"), System.out::println);
                targets.add(server);
                System.out.println("  " + server.description());
            } catch (IOException | RuntimeException e) {
                String problem = "left out " + peer.id() + ": it did not start: " + e.getMessage();
                notes.add(problem);
                System.out.println("  " + problem);
            }
        }
    }

    private void drop(Target target) {
        targets.remove(target);
        Optional.ofNullable(measureClients.remove(target.name())).ifPresent(DynamoDbAsyncClient::close);
        Optional.ofNullable(adminClients.remove(target.name())).ifPresent(DynamoDbAsyncClient::close);
        rawClients.remove(target.name());
        target.close();
    }

    private void loadTarget(Target target) throws InterruptedException {
        DynamoDbAsyncClient admin = adminClients.get(target.name());
        boolean withQueryTable = !options.loadOnly() && options.workloads().contains(Workload.QUERY);
        boolean withGsiTable = !options.loadOnly() && options.workloads().contains(Workload.PUT_GSI);
        if (options.skipLoad()) {
            BenchTables.check(admin, data, withQueryTable, withGsiTable);
            System.out.printf("%s: --skip-load, using the tables as they are%n", target.name());
            settle();
            results.server(target.name()).afterLoad = target.process().flatMap(ResidentMemory::of);
            return;
        }
        System.out.printf("Loading %s: %,d items into %s%s%s ...%n", target.name(), options.items(), Dataset.KV_TABLE,
                withGsiTable ? ", " + Dataset.GSI_TABLE + " (2 GSIs, projection " + options.gsiProjection() + ")" : "",
                withQueryTable ? ", " + Dataset.QUERY_TABLE : "");
        long started = System.nanoTime();
        BenchTables.recreate(admin, Dataset.kvTable());
        BenchTables.load(admin, Dataset.KV_TABLE, options.items(), i -> data.kvItem(i, ThreadLocalRandom.current()),
                options.loadConcurrency(), System.out::println);
        long items = options.items();
        if (withGsiTable) {
            BenchTables.recreate(admin, Dataset.gsiTable(options.gsiProjection()));
            BenchTables.load(admin, Dataset.GSI_TABLE, options.items(), i -> data.gsiItem(i, ThreadLocalRandom.current()),
                    options.loadConcurrency(), System.out::println);
            items += options.items();
        }
        if (withQueryTable) {
            BenchTables.recreate(admin, Dataset.queryTable());
            BenchTables.load(admin, Dataset.QUERY_TABLE, options.items(), i -> data.queryItem(i, ThreadLocalRandom.current()),
                    options.loadConcurrency(), System.out::println);
            items += options.items();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        BenchTables.check(admin, data, withQueryTable, withGsiTable);
        Results.Server server = results.server(target.name());
        server.itemsLoaded = items;
        server.loadSeconds = seconds;
        settle();
        server.afterLoad = target.process().flatMap(ResidentMemory::of);
        if (options.loadOnly() && server.afterLoad.isPresent()) {
            Thread.sleep(IDLE_AFTER_LOAD.toMillis());
            server.idleAfterLoad = target.process().flatMap(ResidentMemory::of);
        }
        if (target.kind() == Target.Kind.OURS && fullGc(target)) {
            Thread.sleep(2000);
            server.afterFullGc = target.process().flatMap(ResidentMemory::of);
        }
        System.out.printf("  loaded %,d items in %.1f s (%,.0f items/s)%s%s%s%n", items, seconds, items / seconds,
                server.afterLoad.map(u -> ", RSS " + ResidentMemory.mib(u.rssKiB())).orElse(""),
                server.idleAfterLoad.map(u -> ", " + IDLE_AFTER_LOAD.toSeconds() + " s later " + ResidentMemory.mib(u.rssKiB())).orElse(""),
                server.afterFullGc.map(u -> ", after a full GC " + ResidentMemory.mib(u.rssKiB())).orElse(""));
    }

    private void runRounds() throws Exception {
        Duration warmup = Duration.ofSeconds(options.warmupSeconds());
        Duration measured = Duration.ofSeconds(options.seconds());
        jitWarmup();
        for (int round = 1; round <= options.rounds(); round++) {
            List<Target> order = new ArrayList<>(targets);
            if (round % 2 == 0) {
                Collections.reverse(order); // alternate, so drift (heat, page cache, JIT elsewhere) hits all alike
            }
            String load = loadAverage();
            System.out.printf("%nRound %d of %d (order: %s; load average %s)%n", round, options.rounds(),
                    order.stream().map(Target::name).toList(), load);
            notes.add("round " + round + " started at load average (1 / 5 / 15 min) " + load);
            List<LoadClient> clientOrder = new ArrayList<>(options.clients());
            if (round % 2 == 0) {
                Collections.reverse(clientOrder);
            }
            for (Workload workload : options.workloads()) {
                for (Target target : order) {
                    for (LoadClient client : clientOrder) {
                        settle();
                        boolean profile = options.jfrWorkloads().contains(workload) && round == options.rounds()
                                && target.kind() != Target.Kind.PEER && target.process().isPresent() && client == clientOrder.get(0);
                        Path jfrFile = options.outputDir().resolve("jfr")
                                .resolve(target.name() + "-" + workload.name().toLowerCase(Locale.ROOT) + "-" + client.id() + ".jfr").toAbsolutePath();
                        if (profile) {
                            // started before the warm-up, so JFR's own start-up cost is not measured
                            Files.createDirectories(jfrFile.getParent());
                            jcmd(target, "JFR.start", "name=bench", "settings=profile", "filename=" + jfrFile);
                        }
                        if (!warmup.isZero()) {
                            measure(target, client, workload, warmup);
                        }
                        CpuSnapshot before = cpuSnapshot(target);
                        ClosedLoopRunner.Run run = measure(target, client, workload, measured);
                        CpuSnapshot after = cpuSnapshot(target);
                        if (profile) {
                            jcmd(target, "JFR.stop", "name=bench");
                            notes.add("JFR profile of " + target.name() + " during " + LoadClient.label(workload, client, options.clients())
                                    + ": " + jfrFile);
                        }
                        long serverCpu = before.server < 0 || after.server < 0 ? -1 : after.server - before.server;
                        long otherCpu = before.others < 0 || after.others < 0 ? -1 : Math.max(0, after.others - before.others);
                        long clientCpu = before.client < 0 || after.client < 0 ? -1 : after.client - before.client;
                        results.add(workload, target, client, run, serverCpu, otherCpu, clientCpu);
                        String cpu = (serverCpu < 0 ? "" : String.format(Locale.ROOT, "  server CPU %.2f cores, %,.0f us/op",
                                        serverCpu * 1e6 / run.elapsedNanos(), run.succeeded() == 0 ? 0.0 : serverCpu * 1000.0 / run.succeeded()))
                                + (clientCpu < 0 ? "" : String.format(Locale.ROOT, "  client %,.0f us/op",
                                        run.succeeded() == 0 ? 0.0 : clientCpu * 1000.0 / run.succeeded()))
                                + (otherCpu < 0 ? "" : String.format(Locale.ROOT, "  others %.2f cores", otherCpu * 1e6 / run.elapsedNanos()));
                        System.out.printf(Locale.ROOT, "  %-28s %-14s %,8.0f ops/s  p50 %6.2f  p99 %7.2f  p99.9 %7.2f ms%s%s%n",
                                LoadClient.label(workload, client, options.clients()), target.name(), run.opsPerSecond(),
                                run.latencyMicros().getValueAtPercentile(50) / 1000.0,
                                run.latencyMicros().getValueAtPercentile(99) / 1000.0,
                                run.latencyMicros().getValueAtPercentile(99.9) / 1000.0,
                                cpu,
                                run.failed() == 0 ? "" : "  errors " + run.failed() + ": " + run.firstError());
                    }
                }
            }
        }
    }

    /**
     * Before round 1: cycles through every workload in short unmeasured slices on each target until a
     * cycle is less than 10% faster than the one before (the JIT has caught up), or the time is up.
     */
    private void jitWarmup() throws InterruptedException, IOException {
        if (options.jitWarmupSeconds() == 0) {
            return;
        }
        System.out.printf("%nJIT warm-up (not measured): cycles of %.1f s per workload until a cycle is < %.0f%% faster "
                + "than the one before, at most %d s per target%n", WARMUP_SLICE.toMillis() / 1000.0, (STEADY - 1) * 100,
                options.jitWarmupSeconds());
        for (Target target : targets) {
            long deadline = System.nanoTime() + Duration.ofSeconds(options.jitWarmupSeconds()).toNanos();
            double[] previous = null;
            for (int cycle = 1; ; cycle++) {
                int clients = options.clients().size();
                double[] current = new double[options.workloads().size() * clients];
                for (int i = 0; i < current.length; i++) {
                    Workload workload = options.workloads().get(i / clients);
                    LoadClient client = options.clients().get(i % clients);
                    current[i] = measure(target, client, workload, WARMUP_SLICE).opsPerSecond();
                    if (cycle == 1) {
                        results.cell(workload, target.name(), client).coldOpsPerSecond = current[i];
                    }
                }
                double speedup = previous == null ? Double.NaN : geometricMeanRatio(current, previous);
                System.out.printf(Locale.ROOT, "  %-14s cycle %d: %s ops/s%s%n", target.name(), cycle,
                        java.util.Arrays.stream(current).mapToObj(v -> String.format(Locale.ROOT, "%,.0f", v))
                                .collect(java.util.stream.Collectors.joining(" / ")),
                        Double.isNaN(speedup) ? "" : String.format(Locale.ROOT, " (x%.2f)", speedup));
                if ((!Double.isNaN(speedup) && speedup < STEADY) || System.nanoTime() > deadline) {
                    break;
                }
                previous = current;
            }
        }
    }

    private static double geometricMeanRatio(double[] current, double[] previous) {
        double logSum = 0;
        for (int i = 0; i < current.length; i++) {
            logSum += Math.log(Math.max(current[i], 1) / Math.max(previous[i], 1));
        }
        return Math.exp(logSum / current.length);
    }

    /** One closed-loop run of the workload on the target with this client. */
    private ClosedLoopRunner.Run measure(Target target, LoadClient client, Workload workload, Duration duration)
            throws InterruptedException, IOException {
        return switch (client) {
            case SDK -> ClosedLoopRunner.run(measureClients.get(target.name()), data, workload, options.concurrency(), duration);
            case RAW -> rawClients.get(target.name()).run(data, workload, options.concurrency(), duration);
        };
    }

    /**
     * CPU time so far: the target's server tree, every process that is neither a server nor this
     * benchmark, and this benchmark's own process (the client).
     */
    private record CpuSnapshot(long server, long others, long client) {
    }

    private CpuSnapshot cpuSnapshot(Target target) {
        long server = target.process().map(ResidentMemory::cpuMillis).orElse(-1L);
        long machine = ResidentMemory.machineBusyMillis();
        long ours = ResidentMemory.cpuMillis(ProcessHandle.current()); // this benchmark and the stacks and peers it started
        for (Target t : targets) {
            if (t.external() && t.process().isPresent()) {
                ours += Math.max(0, ResidentMemory.cpuMillis(t.process().get()));
            }
        }
        return new CpuSnapshot(server, machine < 0 || ours < 0 ? -1 : machine - ours, ResidentMemory.ownCpuMillis());
    }

    /** Waits (at most 20 s) until every server we can see is idle: no relay backlog or GC left from the last run. */
    private void settle() throws InterruptedException {
        List<ProcessHandle> processes = targets.stream().flatMap(t -> t.process().stream()).toList();
        if (processes.isEmpty()) {
            Thread.sleep(500);
            return;
        }
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            long[] before = processes.stream().mapToLong(ResidentMemory::cpuMillis).toArray();
            Thread.sleep(1000);
            boolean idle = true;
            for (int i = 0; i < processes.size(); i++) {
                long after = ResidentMemory.cpuMillis(processes.get(i));
                if (before[i] >= 0 && after >= 0 && after - before[i] > IDLE_CPU_SHARE * 1000) {
                    idle = false;
                }
            }
            if (idle) {
                return;
            }
        }
        System.out.println("  (servers still busy after " + SETTLE_LIMIT.toSeconds() + " s; measuring anyway)");
    }

    /** Runs jcmd against the target's process; false (and a note) when it fails, e.g. the server is no JVM. */
    /** GC.run in every JVM of the target: the launcher's one, or each service's of a compose-like stack. */
    private boolean fullGc(Target target) throws InterruptedException {
        ProcessHandle root = target.process().orElseThrow();
        List<ProcessHandle> jvms = Stream.concat(Stream.of(root), root.descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .toList();
        boolean all = !jvms.isEmpty();
        for (ProcessHandle jvm : jvms) {
            all &= jcmd(target, jvm, "GC.run");
        }
        return all;
    }

    private boolean jcmd(Target target, String... command) throws InterruptedException {
        return jcmd(target, target.process().orElseThrow(), command);
    }

    private boolean jcmd(Target target, ProcessHandle process, String... command) throws InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(process.pid()));
        line.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes());
            if (jcmd.waitFor(60, TimeUnit.SECONDS) && jcmd.exitValue() == 0) {
                return true;
            }
            notes.add("jcmd " + String.join(" ", command) + " on " + target.name() + " failed: " + output.trim());
        } catch (IOException e) {
            notes.add("jcmd " + String.join(" ", command) + " on " + target.name() + " failed: " + e);
        }
        return false;
    }

    private DynamoDbAsyncClient client(URI endpoint, boolean admin) {
        int connections = Math.max(options.concurrency(), options.loadConcurrency()) + 8;
        NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
                .maxConcurrency(connections)
                .maxPendingConnectionAcquires(10_000)
                .connectionAcquisitionTimeout(Duration.ofSeconds(60))
                .readTimeout(Duration.ofSeconds(60))
                .writeTimeout(Duration.ofSeconds(60));
        DynamoDbAsyncClientBuilder builder = DynamoDbAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(http);
        if (!admin) {
            // measure each request once (no retries), and finish it on the I/O thread: no extra thread hop in the client
            builder.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(30)))
                    .asyncConfiguration(ClientAsyncConfiguration.builder()
                            .advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, Runnable::run)
                            .build());
        }
        return builder.build();
    }

    private String settings() {
        String date = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        return String.format(Locale.ROOT, """
                %s; %d cores, %s memory, load average %s at the start; Java %s (%s); client: %s,
                %d requests in flight. Key space %,d items per table (~200-byte items; bench_gsi's two GSIs project %s), %s.
                """,
                date, Runtime.getRuntime().availableProcessors(), totalMemory(), loadAverage(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                options.clients().stream().map(c -> c.id() + " = " + c.description()).collect(java.util.stream.Collectors.joining("; ")),
                options.concurrency(), options.items(), options.gsiProjection(),
                options.loadOnly() ? "load only (memory)"
                        : String.format(Locale.ROOT, "JIT warm-up until steady (at most %d s per target); then %d rounds of %d s warm-up "
                                + "+ %d s measured per workload and target, target order alternating",
                                options.jitWarmupSeconds(), options.rounds(), options.warmupSeconds(), options.seconds()));
    }

    /** The 1, 5 and 15 minute load averages (runnable processes, not CPU share); "unknown" off Linux. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String totalMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return "unknown";
    }

    private synchronized void closeTargets() {
        measureClients.values().forEach(DynamoDbAsyncClient::close);
        adminClients.values().forEach(DynamoDbAsyncClient::close);
        measureClients.clear();
        adminClients.clear();
        for (Target target : targets) {
            target.close();
        }
        // a stack still starting when interrupted is not in the list yet: end every process this JVM started
        ProcessHandle.current().children().forEach(child -> {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        });
    }
}
