package dev.ddb.standalone.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) running inside this JVM.
 * All data, including the cluster metadata log, lives in one directory, so a broker started again
 * on the same directory sees the topics and records of the previous run.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    public static final int DEFAULT_PORT = 9092;
    private static final String HOST = "localhost";
    private static final int NODE_ID = 1;

    private final Path dataDir;
    private final int requestedPort;
    private final int requestedControllerPort;
    private volatile int port = -1;
    private KafkaRaftServer server;

    /**
     * @param dataDir        where log segments and the metadata log are kept (created if missing)
     * @param port           client (PLAINTEXT) port; 0 picks a free one
     * @param controllerPort KRaft controller port; 0 picks a free one
     */
    public EmbeddedKafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.requestedPort = port;
        this.requestedControllerPort = controllerPort;
    }

    /** A broker on the default client port 9092 with a free controller port. */
    public EmbeddedKafkaBroker(Path dataDir) {
        this(dataDir, DEFAULT_PORT, 0);
    }

    /** Formats the directory on first use, starts the broker and returns once it serves clients. */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            throw new IllegalStateException("Kafka broker is already running");
        }
        int clientPort;
        int controllerPort;
        // Hold both probe sockets at once so a picked free port cannot equal the other one.
        try (ServerSocket client = bindLocal(requestedPort, "Kafka port");
                ServerSocket controller = bindLocal(requestedControllerPort, "Kafka controller port")) {
            clientPort = client.getLocalPort();
            controllerPort = controller.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        quietKafkaLogging();
        Properties props = serverProperties(clientPort, controllerPort);
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            format(props);
        }
        KafkaRaftServer raftServer = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        try {
            // Returns only once the controller has unfenced the broker and its listeners accept clients.
            raftServer.startup();
        } catch (RuntimeException e) {
            try {
                raftServer.shutdown();
                raftServer.awaitShutdown();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IllegalStateException("Kafka broker failed to start on port " + clientPort, e);
        }
        server = raftServer;
        port = clientPort;
        return this;
    }

    /** "localhost:&lt;port&gt;" with the port actually in use; only valid after {@link #start()}. */
    public String bootstrapServers() {
        if (port < 0) {
            throw new IllegalStateException("Kafka broker has not been started");
        }
        return HOST + ":" + port;
    }

    /** The client port in use, or -1 before {@link #start()}. */
    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Shuts broker and controller down and waits, so the directory can be reused at once. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private Properties serverProperties(int clientPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        // A static one-voter quorum: the controller address comes from config on every start,
        // so the controller port may differ between runs (a dynamic quorum would persist it).
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        // Log segments and the __cluster_metadata log share the one directory.
        p.put("log.dirs", dataDir.toString());
        // One node: every internal topic must make do with a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // Fewer internal partitions than the default 50: first use of groups/transactions stays quick.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.num.partitions", "5");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner allocates its dedupe buffer up front and keeps it (128 MiB by default). Only
        // the internal compacted topics (consumer offsets, transaction state) are cleaned, with a few
        // hundred keys; 2 MiB maps ~78,000 keys per pass.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        fewerThreads(p);
        fastRestartAfterCrash(p);
        return p;
    }

    /**
     * A broker's thread pools are sized for a server of its own with many clients: 3 network threads
     * per listener, 8 request handlers each for the broker and the controller, 10 background threads,
     * 4 group coordinator threads (about 50 threads of the stack's 165). This broker shares the
     * machine with the services and serves a handful of their clients, so its pools follow the
     * machine's cores instead (on 2 cores: 24 fewer threads, whose stacks and per-thread buffers are
     * resident memory), as Reactor Netty's event loops do ({@link dev.ddb.standalone.StandaloneLauncher}).
     */
    private static void fewerThreads(Properties p) {
        int cores = Runtime.getRuntime().availableProcessors();
        p.put("num.network.threads", String.valueOf(Math.min(3, Math.max(1, cores / 2))));
        p.put("num.io.threads", String.valueOf(Math.min(8, Math.max(2, cores))));
        p.put("background.threads", String.valueOf(Math.min(10, Math.max(2, cores))));
        p.put("group.coordinator.threads", String.valueOf(Math.min(4, Math.max(1, cores / 2))));
    }

    /**
     * After a crash (kill -9) Kafka re-reads every log segment from the last checkpointed recovery
     * point, and the recovery point only moves when a segment rolls: with the default 1 GiB (100 MiB
     * for the internal topics) segments and 60 s checkpoints, a restart re-read up to gigabytes.
     * Small segments and frequent checkpoints bound it to a few MiB per partition, and recovery runs
     * on every core. Independently, a restarted node re-registers while the controller still counts
     * the crashed incarnation as alive until its broker session expires (9 s by default): a short
     * session (3 s, heartbeats every 0.5 s) lets it in soon.
     */
    private static void fastRestartAfterCrash(Properties p) {
        int segmentBytes = 16 * 1024 * 1024;
        p.put("log.segment.bytes", String.valueOf(segmentBytes));
        p.put("offsets.topic.segment.bytes", String.valueOf(segmentBytes));
        p.put("transaction.state.log.segment.bytes", String.valueOf(segmentBytes));
        // Index files are preallocated (sparse) to this size per segment; 1 MiB indexes 16 MiB of records amply.
        p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        p.put("log.flush.offset.checkpoint.interval.ms", "5000");
        p.put("log.flush.start.offset.checkpoint.interval.ms", "5000");
        p.put("num.recovery.threads.per.data.dir", String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())));
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "3000");
    }

    /**
     * Same as `kafka-storage.sh format -t &lt;new id&gt; -c server.properties`: writes meta.properties
     * and the bootstrap metadata (latest production metadata.version, static quorum) into dataDir.
     */
    private void format(Properties props) {
        Path configFile = null;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            Files.createDirectories(dataDir);
            configFile = Files.createTempFile("kafka-server", ".properties");
            try (OutputStream out = Files.newOutputStream(configFile)) {
                props.store(out, null);
            }
            int exitCode = StorageTool.execute(new String[] {"format", "--config", configFile.toString(),
                    "--cluster-id", Uuid.randomUuid().toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exitCode != 0) {
                throw new IllegalStateException(output.toString(StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka data directory " + dataDir + ": " + e.getMessage(), e);
        } finally {
            if (configFile != null) {
                configFile.toFile().delete();
            }
        }
    }

    /**
     * Binds the port Kafka is about to use, failing clearly if it is taken; 0 picks a free port
     * (which stays free in practice in the moment before Kafka binds it).
     */
    private static ServerSocket bindLocal(int port, String what) {
        try {
            ServerSocket socket = new ServerSocket();
            try {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        } catch (IOException e) {
            if (port == 0) {
                throw new UncheckedIOException("Cannot find a free port for " + what, e);
            }
            throw new IllegalStateException(what + " " + port + " is already in use", e);
        }
    }

    /**
     * The broker logs a great deal (and everything, under Logback's fallback config before Spring
     * sets logging up). Turn its loggers down to WARN unless the application set a level for them.
     */
    private static void quietKafkaLogging() {
        try {
            if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
                return;
            }
            for (String name : List.of("kafka", "state.change.logger", "org.apache.kafka.server",
                    "org.apache.kafka.controller", "org.apache.kafka.raft", "org.apache.kafka.metadata",
                    "org.apache.kafka.image", "org.apache.kafka.snapshot", "org.apache.kafka.storage",
                    "org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.network")) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(Level.WARN);
                }
            }
        } catch (LinkageError e) {
            // Logback is not on the classpath: leave logging as the application configured it.
        }
    }
}
