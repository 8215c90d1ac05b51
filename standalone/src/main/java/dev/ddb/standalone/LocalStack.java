package dev.ddb.standalone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

import dev.ddb.backup.BackupServiceApplication;
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.encryption.MasterKeyException;
import dev.ddb.common.protocol.BlockingDispatcher;
import dev.ddb.common.protocol.LocalDispatchers;
import dev.ddb.gateway.GatewayServiceApplication;
import dev.ddb.gateway.tls.GatewayWebServer;
import dev.ddb.gateway.tls.ServerCertificate;
import dev.ddb.item.ItemServiceApplication;
import dev.ddb.standalone.StackSettings.GatewayListeners;
import dev.ddb.standalone.kafka.EmbeddedKafkaBroker;
import dev.ddb.stream.StreamServiceApplication;
import dev.ddb.table.TableServiceApplication;

/**
 * The whole suite in one JVM: an embedded Kafka broker (unless one is given) and every service as
 * its own Spring context on its own port, started in dependency order and stopped in reverse. The
 * gateway hands each request to the owning service's dispatcher in-process (see {@link LocalDispatchers});
 * each service still answers AWS JSON 1.0 on its own port.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final StackSettings settings;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    /** How each service was started, so that it can be stopped and started again on its port (tests). */
    private final Map<String, String[]> arguments = new HashMap<>();
    private final Map<String, Supplier<SpringApplicationBuilder>> builders = new HashMap<>();
    private final Map<String, ConfigurableApplicationContext> services = new HashMap<>();
    /** The running services' dispatchers, read by the gateway on every request. */
    private final Map<String, BlockingDispatcher> dispatchers = new ConcurrentHashMap<>();
    private String kafkaBootstrapServers;
    private GatewayWebServer gateway;

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

    /** The gateway's plain HTTP endpoint, or its HTTPS one when HTTP is off. */
    public String gatewayUrl() {
        return gateway.httpPort().isPresent() ? "http://localhost:" + gateway.httpPort().getAsInt() : gatewayHttpsUrl().orElseThrow();
    }

    /** The gateway's HTTPS endpoint; empty when TLS is off ({@code DDB_GATEWAY_TLS_ENABLED=false}). */
    public Optional<String> gatewayHttpsUrl() {
        return gateway.httpsPort().isPresent() ? Optional.of("https://localhost:" + gateway.httpsPort().getAsInt()) : Optional.empty();
    }

    /** The self-signed certificate clients trust to reach {@link #gatewayHttpsUrl()}; empty with an operator's keystore or TLS off. */
    public Optional<Path> gatewayCertificatePem() {
        return gateway.certificate().flatMap(ServerCertificate::pemFile);
    }

    /**
     * Each running service's Prometheus endpoint, by service name in start order (each service keeps
     * its own port, so its own {@code /actuator/prometheus}).
     */
    public Map<String, String> metricsUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String name : List.of("gateway-service", "table-service", "item-service", "stream-service", "backup-service")) {
            ConfigurableApplicationContext context = services.get(name);
            if (context == null) {
                continue;
            }
            String base = name.equals("gateway-service") ? gatewayUrl()
                    : "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            urls.put(name, base + "/actuator/prometheus");
        }
        return urls;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    private void startAll() {
        checkPortsFree();
        Path masterKeyFile = settings.masterKeyPath();
        if (MasterKey.readOrCreate(masterKeyFile).created()) {
            LOG.warn("Created a new master key in {}: every store and backup file is encrypted under it. Keep a copy"
                    + " elsewhere; for real use keep it outside the data directory (DDB_MASTER_KEY_FILE)", masterKeyFile);
        } else {
            LOG.info("Master key from {}", masterKeyFile);
        }
        kafkaBootstrapServers = settings.kafkaBootstrapServers();
        if (kafkaBootstrapServers == null) {
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                    settings.dataDir().toAbsolutePath().normalize().resolve("kafka"), settings.kafkaPort(), 0);
            running.push(broker);
            long started = System.nanoTime();
            broker.start();
            kafkaBootstrapServers = broker.bootstrapServers();
            LOG.info("kafka ready on {} in {} (data in {})", kafkaBootstrapServers, secondsSince(started), broker.dataDir());
        }
        String dataDir = settings.dataDir().toAbsolutePath().normalize().toString();
        String keyFile = "ddb.encryption.master-key-file=" + masterKeyFile;
        int itemPort = launch("item-service", ItemServiceApplication::builder, settings.itemServicePort(), p -> {
            p.add(keyFile);
            p.add("ddb.item.data-dir=" + dataDir + "/item-service");
            p.add("ddb.item.durability=" + settings.durability());
        });
        int tablePort = launch("table-service", TableServiceApplication::builder, settings.tableServicePort(), p -> {
            p.add("ddb.table.data-dir=" + dataDir + "/table-service");
            p.add(keyFile);
            p.add("ddb.table.item-service-url=http://localhost:" + itemPort);
        });
        int streamPort = launch("stream-service", StreamServiceApplication::builder, settings.streamServicePort(), p -> {
            p.add("ddb.stream.data-dir=" + dataDir + "/stream-service");
            p.add(keyFile);
        });
        int backupPort = launch("backup-service", BackupServiceApplication::builder, settings.backupServicePort(), p -> {
            p.add("ddb.backup.data-dir=" + dataDir + "/backup-service");
            p.add(keyFile);
            p.add("ddb.backup.item-service-url=http://localhost:" + itemPort);
            p.add("ddb.backup.table-service-url=http://localhost:" + tablePort);
        });
        GatewayListeners listeners = settings.gatewayListeners();
        launch("gateway-service", GatewayServiceApplication::builder, settings.gatewayPort(), p -> {
            p.add("ddb.gateway.table-service-url=http://localhost:" + tablePort);
            p.add("ddb.gateway.item-service-url=http://localhost:" + itemPort);
            p.add("ddb.gateway.stream-service-url=http://localhost:" + streamPort);
            p.add("ddb.gateway.backup-service-url=http://localhost:" + backupPort);
            settings.auth().addTo(p);
            p.add("ddb.gateway.http.enabled=" + listeners.httpEnabled());
            p.add("ddb.gateway.tls.enabled=" + listeners.httpsEnabled());
            p.add("ddb.gateway.tls.port=" + listeners.httpsPort());
            // the self-signed certificate beside the rest of the stack's data (the keystore settings come from the environment)
            p.add("ddb.gateway.tls.certificate-dir=" + dataDir + "/gateway-service");
        });
        // Started again, the gateway must come back on the HTTPS port clients were told.
        gateway.httpsPort().ifPresent(port -> pin("gateway-service", "ddb.gateway.tls.port", port));
    }

    private void pin(String service, String property, int port) {
        String[] args = arguments.get(service);
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--" + property + "=")) {
                args[i] = "--" + property + "=" + port;
            }
        }
    }

    private int launch(String name, Supplier<SpringApplicationBuilder> builder, int port, Consumer<List<String>> extra) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=" + port,
                "spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                "spring.main.banner-mode=off",
                "spring.main.log-startup-info=false", // "Starting/Started StandaloneLauncher": this stack says what starts
                "logging.register-shutdown-hook=false", // the launcher's shutdown hook still logs after the services stopped
                // the contexts share one logging system, which would label every line with the first service's name
                "logging.include-application-name=false",
                "logging.level.org.apache.kafka=WARN",
                "logging.level.kafka=WARN",
                "logging.level.state.change.logger=WARN"));
        extra.accept(properties);
        builders.put(name, builder);
        arguments.put(name, properties.stream().map(p -> "--" + p).toArray(String[]::new));
        int actualPort = run(name);
        // Started again, a service must come back on the port the others were told.
        pin(name, "server.port", actualPort);
        return actualPort;
    }

    private int run(String name) {
        // As command-line arguments: they take precedence over each service's own yml.
        SpringApplicationBuilder builder = builders.get(name).get()
                .registerShutdownHook(false) // this stack closes contexts itself, in order, before Kafka
                .initializers(LocalStack::ownNettyResources);
        if (name.equals("gateway-service") && settings.inProcessGateway()) {
            builder.initializers(context -> ((GenericApplicationContext) context)
                    .registerBean(LocalDispatchers.class, () -> dispatchers::get));
        }
        long started = System.nanoTime();
        ConfigurableApplicationContext context;
        try {
            context = builder.run(arguments.get(name));
        } catch (RuntimeException e) {
            throw masterKeyRefusal(e).orElse(e);
        }
        running.push(context);
        services.put(name, context);
        context.getBeanProvider(BlockingDispatcher.class).ifAvailable(dispatcher -> dispatchers.put(name, dispatcher));
        WebServer server = ((WebServerApplicationContext) context).getWebServer();
        if (server instanceof GatewayWebServer gatewayServer) {
            gateway = gatewayServer;
            LOG.info("{} ready on {} in {}", name, endpoints(), secondsSince(started));
        } else {
            LOG.info("{} ready on http://localhost:{} in {}", name, server.getPort(), secondsSince(started));
        }
        return server.getPort();
    }

    /** A start that failed because the master key does not open a file: that message, not Spring's wrapping of it. */
    private static Optional<RuntimeException> masterKeyRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MasterKeyException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    /**
     * Reactor Netty's event loops and connection pools are global by default, and closing (even
     * stopping) a context disposes them: one service stopping would take the others' servers and
     * clients down. So each service gets resources of its own.
     */
    private static void ownNettyResources(ConfigurableApplicationContext context) {
        ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            // Netty's default 2 s quiet period per service would add up to a slow Ctrl-C.
            resources.setShutdownQuietPeriod(Duration.ZERO);
            resources.setShutdownTimeout(Duration.ofSeconds(5));
            return resources;
        });
    }

    /** The gateway's endpoints for a person to read, e.g. "http://localhost:8000 and https://localhost:8443". */
    public String endpoints() {
        List<String> endpoints = new ArrayList<>();
        gateway.httpPort().ifPresent(port -> endpoints.add("http://localhost:" + port));
        gatewayHttpsUrl().ifPresent(endpoints::add);
        return String.join(" and ", endpoints);
    }

    /** Stops one service (e.g. "stream-service") as a shutdown would, leaving the rest running; for tests. */
    public synchronized void stopService(String name) {
        ConfigurableApplicationContext context = services.remove(name);
        if (context == null) {
            throw new IllegalStateException(name + " is not running");
        }
        running.remove(context);
        dispatchers.remove(name); // first, so the gateway answers at once that it is down
        context.close();
        LOG.info("{} stopped", name);
    }

    /** Starts a service stopped by {@link #stopService} again, on the same port and data directory. */
    public synchronized void startService(String name) {
        if (services.containsKey(name)) {
            throw new IllegalStateException(name + " is already running");
        }
        if (!builders.containsKey(name)) {
            throw new IllegalArgumentException("No service named " + name);
        }
        run(name);
    }

    /** Fails before starting anything, naming every taken port with its service and variable, rather than half-starting. */
    private void checkPortsFree() {
        PortCheck ports = new PortCheck();
        GatewayListeners gatewayListeners = settings.gatewayListeners();
        if (gatewayListeners.httpEnabled()) {
            ports.expect(settings.gatewayPort(), "gateway-service", "DDB_GATEWAY_PORT");
        }
        if (gatewayListeners.httpsEnabled()) {
            ports.expect(gatewayListeners.httpsPort(), "gateway-service HTTPS", "DDB_GATEWAY_TLS_PORT");
        }
        ports.expect(settings.tableServicePort(), "table-service", "DDB_TABLE_SERVICE_PORT");
        ports.expect(settings.itemServicePort(), "item-service", "DDB_ITEM_SERVICE_PORT");
        ports.expect(settings.streamServicePort(), "stream-service", "DDB_STREAM_SERVICE_PORT");
        ports.expect(settings.backupServicePort(), "backup-service", "DDB_BACKUP_SERVICE_PORT");
        if (settings.kafkaBootstrapServers() == null) {
            ports.expect(settings.kafkaPort(), "the embedded Kafka broker", "DDB_KAFKA_PORT");
        }
        ports.takenMessage().ifPresent(message -> {
            throw new PortInUseException(message);
        });
    }

    private static String secondsSince(long nanoTime) {
        return String.format("%.1f s", (System.nanoTime() - nanoTime) / 1e9);
    }

    /** Stops every service, newest first, then Kafka. */
    @Override
    public synchronized void close() {
        services.clear();
        dispatchers.clear();
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
