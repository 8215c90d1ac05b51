package dev.ddb.standalone.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
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
        int clientPort = resolvePort(requestedPort, "Kafka port");
        int controllerPort = resolvePort(requestedControllerPort, "Kafka controller port");
        quietKafkaLogging();
        KafkaConfig config = new KafkaConfig(config(clientPort, controllerPort), false);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(dataDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
                format(config);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka data directory " + dataDir, e);
        }
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // Returns only after the broker is unfenced by the controller and its acceptors are open.
            raftServer.startup();
        } catch (RuntimeException e) {
            raftServer.shutdown();
            raftServer.awaitShutdown();
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

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Shuts down broker and controller and waits, so the directory can be reused at once. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private Map<String, Object> config(int clientPort, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", NODE_ID);
        // A static one-voter quorum: the controller address comes from config on every start,
        // so the controller port may differ between runs (a dynamic quorum would persist it).
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        // One node: every internal topic must make do with a single replica.
        p.put("offsets.topic.replication.factor", 1);
        p.put("transaction.state.log.replication.factor", 1);
        p.put("transaction.state.log.min.isr", 1);
        p.put("share.coordinator.state.topic.replication.factor", 1);
        p.put("share.coordinator.state.topic.min.isr", 1);
        p.put("default.replication.factor", 1);
        p.put("min.insync.replicas", 1);
        // Few internal partitions: first use of groups/transactions is then quick on one node.
        p.put("offsets.topic.num.partitions", 5);
        p.put("transaction.state.log.num.partitions", 5);
        p.put("share.coordinator.state.topic.num.partitions", 5);
        p.put("num.partitions", 1);
        p.put("auto.create.topics.enable", true);
        p.put("group.initial.rebalance.delay.ms", 0);
        // The log cleaner allocates its dedupe buffer up front (128 MiB by default).
        p.put("log.cleaner.dedupe.buffer.size", 8 * 1024 * 1024);
        return p;
    }

    private void format(KafkaConfig config) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(dataDir.toString())
                .run();
    }

    /** Fails clearly if a fixed port is taken; for 0 picks a free port (tiny race until Kafka binds it). */
    private static int resolvePort(int requested, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), requested));
            return socket.getLocalPort();
        } catch (IOException e) {
            if (requested == 0) {
                throw new UncheckedIOException("Cannot find a free port for " + what, e);
            }
            throw new IllegalStateException(what + " " + requested + " is already in use", e);
        }
    }

    /**
     * The broker logs a great deal at INFO. Turn its own loggers down to WARN unless the
     * application set a level for them. Only done for Logback (via reflection, as it is optional).
     */
    private static void quietKafkaLogging() {
        for (String name : List.of("kafka", "state.change.logger", "org.apache.kafka.server",
                "org.apache.kafka.controller", "org.apache.kafka.raft", "org.apache.kafka.metadata",
                "org.apache.kafka.image", "org.apache.kafka.snapshot", "org.apache.kafka.storage",
                "org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.network")) {
            Logger logger = LoggerFactory.getLogger(name);
            try {
                Class<?> level = Class.forName("ch.qos.logback.classic.Level", true, logger.getClass().getClassLoader());
                if (logger.getClass().getMethod("getLevel").invoke(logger) == null) {
                    logger.getClass().getMethod("setLevel", level).invoke(logger, level.getField("WARN").get(null));
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // Not Logback: leave logging as the application configured it.
            }
        }
    }
}
