package dev.ddb.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ddb.backup.BackupServiceApplication;
import dev.ddb.gateway.GatewayServiceApplication;
import dev.ddb.item.ItemServiceApplication;
import dev.ddb.standalone.kafka.EmbeddedKafkaBroker;
import dev.ddb.stream.StreamServiceApplication;
import dev.ddb.table.TableServiceApplication;

/**
 * The whole suite in one JVM: an embedded Kafka broker (unless one is given) and every service as
 * its own Spring context on its own port, started in dependency order and stopped in reverse.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final StackSettings settings;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private String kafkaBootstrapServers;
    private int gatewayPort;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    private void startAll() {
        checkPortsFree();
        kafkaBootstrapServers = settings.kafkaBootstrapServers();
        if (kafkaBootstrapServers == null) {
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(settings.dataDir().resolve("kafka"), settings.kafkaPort(), 0);
            running.push(broker);
            broker.start();
            kafkaBootstrapServers = broker.bootstrapServers();
            LOG.info("kafka ready on {} (data in {})", kafkaBootstrapServers, broker.dataDir());
        }
        String dataDir = settings.dataDir().toAbsolutePath().normalize().toString();
        int itemPort = startService("item-service", ItemServiceApplication.builder(), settings.itemServicePort(), p -> {
            p.add("ddb.item.data-dir=" + dataDir + "/item-service");
            p.add("ddb.item.durability=" + settings.durability());
        });
        int tablePort = startService("table-service", TableServiceApplication.builder(), settings.tableServicePort(), p -> {
            p.add("ddb.table.data-dir=" + dataDir + "/table-service");
            p.add("ddb.table.item-service-url=http://localhost:" + itemPort);
        });
        int streamPort = startService("stream-service", StreamServiceApplication.builder(), settings.streamServicePort(), p -> {
        });
        int backupPort = startService("backup-service", BackupServiceApplication.builder(), settings.backupServicePort(), p -> {
        });
        gatewayPort = startService("gateway-service", GatewayServiceApplication.builder(), settings.gatewayPort(), p -> {
            p.add("ddb.gateway.table-service-url=http://localhost:" + tablePort);
            p.add("ddb.gateway.item-service-url=http://localhost:" + itemPort);
            p.add("ddb.gateway.stream-service-url=http://localhost:" + streamPort);
            p.add("ddb.gateway.backup-service-url=http://localhost:" + backupPort);
        });
    }

    private int startService(String name, SpringApplicationBuilder builder, int port, Consumer<List<String>> extra) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=" + port,
                "spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                "spring.main.banner-mode=off",
                "logging.level.org.apache.kafka=WARN",
                "logging.level.kafka=WARN",
                "logging.level.state.change.logger=WARN"));
        extra.accept(properties);
        // As command-line arguments: they take precedence over each service's own yml.
        ConfigurableApplicationContext context = builder
                .registerShutdownHook(false) // this stack closes contexts itself, in order, before Kafka
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        running.push(context);
        int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
        LOG.info("{} ready on http://localhost:{}", name, actualPort);
        return actualPort;
    }

    /** Fails before starting anything, naming the port and service, rather than half-starting. */
    private void checkPortsFree() {
        checkPortFree(settings.gatewayPort(), "gateway-service", "DDB_GATEWAY_PORT");
        checkPortFree(settings.tableServicePort(), "table-service", "DDB_TABLE_SERVICE_PORT");
        checkPortFree(settings.itemServicePort(), "item-service", "DDB_ITEM_SERVICE_PORT");
        checkPortFree(settings.streamServicePort(), "stream-service", "DDB_STREAM_SERVICE_PORT");
        checkPortFree(settings.backupServicePort(), "backup-service", "DDB_BACKUP_SERVICE_PORT");
        if (settings.kafkaBootstrapServers() == null) {
            checkPortFree(settings.kafkaPort(), "the embedded Kafka broker", "DDB_KAFKA_PORT");
        }
    }

    private static void checkPortFree(int port, String owner, String variable) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortInUseException("Port " + port + " for " + owner + " is already in use. "
                    + "Stop whatever listens there (another DynamoDB Local or Kafka?) or set " + variable + " to another port.");
        }
    }

    /** Stops every service, newest first, then Kafka. */
    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            AutoCloseable component = running.pop();
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("Failed to stop {}", component, e);
            }
        }
    }

    /** A port the stack needs is taken. */
    public static final class PortInUseException extends RuntimeException {
        PortInUseException(String message) {
            super(message);
        }
    }
}
